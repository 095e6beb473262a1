import { z } from 'zod';
import type { Services } from '../services';
import type { SessionUser } from '../contracts/session';
import { errorCodes } from '../contracts/api';
import { AppError, NotFoundError } from '../errors';

// Procore's permission templates, read live (procore-platform.md section 6): the company's, and
// the project-specific ones of the company's projects.

const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String);
const templateSchema = z.looseObject({
  id,
  name: z.string(),
  project_specific: z.boolean().nullable().optional(),
  type: z.string().nullable().optional(),
  category: z.string().nullable().optional(),
});

export interface LiveTemplate {
  id: string;
  name: string;
  scope: 'company' | 'project';
  category: string | null;
}

/** Projects whose own templates are read; a company with more shows its first ones only. */
const projectLimit = 25;

export async function liveTemplates(s: Services, user: SessionUser, companyId: string): Promise<LiveTemplate[]> {
  const procore = s.procoreAs(user.id);
  const found = new Map<string, LiveTemplate>();
  const add = (t: z.output<typeof templateSchema>) => {
    const scope = t.project_specific || t.type === 'project_specific' ? 'project' : 'company';
    if (!found.has(t.id)) found.set(t.id, { id: t.id, name: t.name, scope, category: t.category ?? null });
  };
  (await procore.getAll(`/rest/v1.0/companies/${companyId}/permission_templates`, templateSchema, { companyId, perPage: 100 })).forEach(add);
  const projects = (await s.db('projects').where({ company_id: companyId, active: true }).orderBy('id').limit(projectLimit).pluck('id')) as string[];
  for (const projectId of projects) {
    let own: z.output<typeof templateSchema>[];
    try {
      own = await procore.getAll(`/rest/v1.0/projects/${projectId}/permission_templates`, templateSchema, { companyId, perPage: 100 });
    } catch (err) {
      // A project this manager is not on: its own templates are not theirs to see.
      if (err instanceof NotFoundError || (err instanceof AppError && err.code === errorCodes.procoreForbidden)) continue;
      throw err;
    }
    own.filter((t) => t.project_specific || t.type === 'project_specific').forEach(add);
  }
  return [...found.values()].sort((a, b) => (a.scope === b.scope ? a.name.localeCompare(b.name) : a.scope === 'company' ? -1 : 1));
}
