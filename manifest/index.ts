import { readFileSync } from 'node:fs';
import { z } from 'zod';

// The app's Procore manifest. manifest.json keeps the app's origin as {{APP_URL}} so one file
// serves every environment; renderManifest() fills it in for the Developer Portal or the emulator.

const urlTemplate = z.string().startsWith('{{APP_URL}}/');
const sidePanelViews = [
  'project_directory.vendors.list',
  'project_directory.vendors.edit',
  'commitments.work_order_contracts.detail',
  'commitments.work_order_contracts.edit',
  'commitments.purchase_order_contracts.detail',
] as const;

export const manifestSchema = z.strictObject({
  schema_version: z.literal('4.1'),
  name: z.string().min(1),
  description: z.string().min(1),
  post_install_instruction: z.strictObject({
    page: z.strictObject({ url: urlTemplate, label: z.string().min(1) }),
    notes: z.string(),
  }),
  fullscreen: z.array(z.strictObject({ name: z.string().min(1), description: z.string(), source_url: urlTemplate })).min(1),
  sidepanel: z.array(
    z.strictObject({
      name: z.string().min(1),
      description: z.string(),
      views: z.array(z.enum(sidePanelViews)).min(1),
      source_url: urlTemplate,
    }),
  ),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function loadManifest(): Manifest {
  const raw: unknown = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8'));
  return manifestSchema.parse(raw);
}

/** The manifest as uploaded for an app served at appUrl (no trailing slash). */
export function renderManifest(appUrl: string): Manifest {
  const origin = new URL(appUrl).origin;
  // Validated as a template by loadManifest; only the origin changes here.
  return JSON.parse(JSON.stringify(loadManifest()).replaceAll('{{APP_URL}}', origin)) as Manifest;
}

/** Every URL template the manifest names. */
export function manifestUrls(m: Manifest): string[] {
  return [m.post_install_instruction.page.url, ...m.fullscreen.map((f) => f.source_url), ...m.sidepanel.map((p) => p.source_url)];
}

export interface ProcoreContext {
  companyId: string | number;
  companyName?: string;
  projectId?: string | number | null;
  projectName?: string;
}

/** Procore's URL interpolation: built-in variables only, each value URI-encoded; absent values become empty. */
export function interpolateUrl(template: string, ctx: ProcoreContext): string {
  const values: Record<string, string> = {
    'procore.company.id': String(ctx.companyId),
    'procore.company.name': ctx.companyName ?? '',
    'procore.project.id': ctx.projectId == null ? '' : String(ctx.projectId),
    'procore.project.name': ctx.projectName ?? '',
  };
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) =>
    key in values ? encodeURIComponent(values[key] ?? '') : whole,
  );
}
