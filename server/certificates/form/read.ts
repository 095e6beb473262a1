// One certificate page read through the official form: its top, its coverage grid, and a plain
// statement of what could not be read safely.
import type { Policy, Reading } from '../../contracts/extraction';
import type { PageView } from '../page';
import { readSection, sectionName } from './grid';
import { readTop } from './header';
import { placePage, placementAt, type FormPage } from './placed';
import { checkPlausible } from './plausible';
import { gridBottom, gridTop, sections } from './regions';
import { Sink } from './sink';

export interface PageReading {
  top: ReturnType<typeof readTop>;
  policies: Policy[];
  fields: Sink['prov']['fields'];
  reading: Reading;
  /** How much of the form's print was found where the fit puts it (0..1). */
  fitted: number;
}

/** Below this share of its labels found in place, a page is not taken for the ACORD 25 form. */
export const recognisedAt = 0.3;

/** The most a value read from a grid not found in its place can be trusted. */
const unplacedGrid = 0.6;

/** The grid's headings must be found in place, or its rows cannot be told apart. */
function gridPlaced(page: FormPage): boolean {
  return placementAt(page, [18, gridTop, 594, gridTop + 12]) > 0.5 && placementAt(page, [425, 330, 594, 450]) > 0.5;
}

/** Where the page shows coverage but no policy came of it. */
function markedButEmpty(page: FormPage, policies: Policy[]): string[] {
  if (policies.length) return [];
  const inGrid = page.values.filter((p) => p.at[1] > gridBottom && p.at[3] < gridTop && /\d/.test(p.word.text));
  return inGrid.length >= 3 ? ['The coverage grid holds numbers, but no policy could be read from it.'] : [];
}

export function readFormPage(view: PageView): PageReading | null {
  const page = placePage(view);
  if (!page) return null;
  const sink = new Sink(view.page);
  const top = readTop(page, sink);
  const policies: Policy[] = [];
  const reasons: string[] = [];
  for (const s of sections) {
    const { policies: found, doubts } = readSection(page, s, sink);
    policies.push(...found);
    reasons.push(...doubts);
    if (found.some((p) => !p.effectiveDate && !p.expirationDate && !p.policyNumber)) {
      reasons.push(`A ${sectionName(s)} row shows limits without a policy number or dates.`);
    }
  }
  reasons.push(...checkPlausible({ ...top, policies }, sink.prov.fields));
  if (!gridPlaced(page)) {
    reasons.unshift('The coverage grid of the form could not be found in its place on the page.');
    // Rows read from a grid that is not where the form has it may belong to a neighbour.
    for (const [pointer, f] of Object.entries(sink.prov.fields)) if (pointer.startsWith('/policies/')) f.confidence = Math.min(f.confidence ?? 1, unplacedGrid);
  }
  reasons.push(...markedButEmpty(page, policies), ...page.unplaced);
  const layout = page.fit.coverage >= recognisedAt ? 'acord25' : 'unrecognised';
  if (layout === 'unrecognised') reasons.unshift('The page does not match the ACORD 25 form closely enough to read it safely.');
  const gridDoubt = !gridPlaced(page) || markedButEmpty(page, policies).length > 0 || page.unplaced.length > 0 || layout === 'unrecognised';
  return {
    top,
    policies,
    fields: sink.prov.fields,
    reading: { layout, coverage: gridDoubt ? 'unreadable' : 'read', reasons },
    fitted: page.fit.coverage,
  };
}
