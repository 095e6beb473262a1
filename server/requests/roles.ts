import { z } from 'zod';
import type { Services } from '../services';

// The app role of a user in a company: Procore insurance managers are compliance managers.
const companyMeSchema = z.looseObject({ is_insurance_manager: z.boolean().nullable().optional() });

export type Role = 'inviter' | 'compliance_manager';

export async function userRole(s: Services, userId: string, companyId: string): Promise<Role> {
  const me = await s.procoreAs(userId).get(`/rest/v1.0/companies/${companyId}/me`, companyMeSchema, { companyId });
  const role: Role = me.is_insurance_manager ? 'compliance_manager' : 'inviter';
  await s.db('company_users').where({ company_id: companyId, user_id: userId }).update({ role });
  return role;
}
