import axe from 'axe-core';
import type { Frame, FrameLocator, Page } from 'playwright-core';

// axe-core run inside the page (or the app's frame) as a screen stands: moderate, serious and
// critical violations fail the test, minor ones are printed.

interface Found {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

async function frameOf(target: Page | FrameLocator): Promise<Frame> {
  if ('mainFrame' in target) return target.mainFrame();
  const frame = await (await target.owner().elementHandle())?.contentFrame();
  if (!frame) throw new Error('the app frame is not in the page');
  return frame;
}

export async function checkAccessibility(target: Page | FrameLocator, screen: string): Promise<void> {
  const frame = await frameOf(target);
  if (!(await frame.evaluate(() => Boolean(window.axe)))) await frame.evaluate(axe.source);
  const found = await frame.evaluate(async () => {
    const result = await window.axe!.run(document, { resultTypes: ['violations'], elementRef: true });
    // core-react's primary button (white on Procore orange) carries data-a11y-skip="color-contrast":
    // its colours are core-react's own, which the app cannot change, so that rule skips them.
    const skipped = (rule: string, element: Element | undefined) => element?.closest(`[data-a11y-skip~="${rule}"]`) != null;
    return result.violations
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !skipped(v.id, n.element)) }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  const describe = (f: Found) => `  ${f.impact ?? 'unknown'} ${f.id}: ${f.help}\n    ${f.targets.join('\n    ')}`;
  const failing = found.filter((f) => f.impact === 'moderate' || f.impact === 'serious' || f.impact === 'critical');
  const minor = found.filter((f) => !failing.includes(f));
  if (minor.length > 0) console.log(`axe, ${screen} (minor, not failing):\n${minor.map(describe).join('\n')}`);
  if (failing.length > 0) throw new Error(`axe, ${screen}: ${failing.length} moderate, serious or critical violation(s)\n${failing.map(describe).join('\n')}`);
}
