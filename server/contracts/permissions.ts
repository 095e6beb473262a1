import { z } from 'zod';
import { procoreId } from './api';

// Who may do what: the closed lists of roles and actions, shared by the server's authorize and
// the panel (which hides or disables what the user may not do).

export const roles = ['no_access', 'read_only', 'inviter', 'compliance_manager'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  no_access: 'No access',
  read_only: 'Read-only',
  inviter: 'Inviter',
  compliance_manager: 'Compliance manager',
};

export const actions = [
  'directory.view',
  'requests.view',
  'requests.create',
  'requests.manage',
  'requests.delete',
  'review.certificates',
  'requirements.view',
  'requirements.edit',
  'carriers.view',
  'carriers.import',
  'settings.view',
  'settings.edit',
  'roles.manage',
  /** Connecting the app's Procore service account: compliance managers who are Procore company admins. */
  'serviceAccount.connect',
] as const;
export const actionSchema = z.enum(actions);
export type Action = z.infer<typeof actionSchema>;

/** Where a user's role came from. */
export const roleSources = ['company_admin', 'override', 'template', 'default'] as const;
export type RoleSource = (typeof roleSources)[number];

export const accessSchema = z.object({
  role: roleSchema,
  source: z.enum(roleSources),
  /** What this user may do here (the company, or the project when one is named). */
  actions: z.array(actionSchema),
  /** False when a project is named and the user is not on it in Procore. */
  onProject: z.boolean(),
  /** A plain sentence naming who can change this user's access. */
  askWho: z.string(),
});
export type Access = z.infer<typeof accessSchema>;

export const sessionQuerySchema = z.object({ companyId: procoreId.optional(), projectId: procoreId.optional() });

export const templateRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(['company', 'project']),
  category: z.string().nullable(),
  role: roleSchema.nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type TemplateRow = z.infer<typeof templateRowSchema>;

export const roleUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  login: z.string(),
  templateName: z.string().nullable(),
  isCompanyAdmin: z.boolean(),
  role: roleSchema,
  source: z.enum(roleSources),
  overrideReason: z.string().nullable(),
});
export type RoleUser = z.infer<typeof roleUserSchema>;

export const rolesViewSchema = z.object({ templates: z.array(templateRowSchema), users: z.array(roleUserSchema) });
export type RolesView = z.infer<typeof rolesViewSchema>;

export const templateParamsSchema = z.object({ companyId: procoreId, templateId: procoreId });
export const userParamsSchema = z.object({ companyId: procoreId, userId: procoreId });

export const mappingSchema = z.object({
  /** null removes the mapping (users of the template get the default again). */
  role: roleSchema.nullable(),
  /** The role the editor saw; when someone else changed it since, the answer says so. */
  previous: roleSchema.nullable().optional(),
});
export type Mapping = z.infer<typeof mappingSchema>;

export const overrideSchema = z.object({
  role: roleSchema,
  reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(500),
});
export type Override = z.infer<typeof overrideSchema>;

export const changeResultSchema = z.object({ view: rolesViewSchema, notice: z.string().nullable() });
export type ChangeResult = z.infer<typeof changeResultSchema>;
