import { randomInt } from 'node:crypto';
import type { Services } from '../server/services';
import { createUploadLink } from '../server/portal/links';

// Test data written straight to the database: a company, a vendor, maybe a project, and an
// open COI request with a live upload link.

export interface TestRequest {
  companyId: string;
  vendorId: string;
  projectId: string | null;
  requestId: string;
  /** The upload link's token, as the request email carries it. */
  token: string;
  gcName: string;
  vendorName: string;
  recipientEmail: string;
}

export interface TestRequestOptions {
  /** null for a global (all projects) request */
  projectName?: string | null;
  status?: 'pending' | 'under_review' | 'awaiting_new_coi' | 'compliant' | 'waived' | 'cancelled' | 'archived';
  brokerEmail?: string | null;
  createdAt?: Date;
  linkTtlDays?: number;
  settings?: { reminderDays?: number[]; reminderEveryDays?: number; linkTtlDays?: number };
}

const id = () => String(randomInt(1_000_000, 2 ** 47));

export async function createTestRequest(s: Pick<Services, 'db' | 'sealer'>, o: TestRequestOptions = {}): Promise<TestRequest> {
  const companyId = id();
  const vendorId = id();
  const gcName = `Test Builders ${companyId}`;
  const vendorName = `Test Electric ${vendorId}`;
  const recipientEmail = `office-${vendorId}@vendor.example`;
  const now = new Date();
  await s.db('companies').insert({ id: companyId, name: gcName });
  await s.db('vendors').insert({ company_id: companyId, id: vendorId, name: vendorName, email: recipientEmail, synced_at: now });
  let projectId: string | null = null;
  if (o.projectName !== null) {
    projectId = id();
    await s.db('projects').insert({ company_id: companyId, id: projectId, name: o.projectName ?? 'Test Tower', synced_at: now });
  }
  if (o.settings) {
    await s.db('company_settings').insert({
      company_id: companyId,
      ...(o.settings.reminderDays ? { reminder_days: o.settings.reminderDays } : {}),
      ...(o.settings.reminderEveryDays !== undefined ? { reminder_every_days: o.settings.reminderEveryDays } : {}),
      ...(o.settings.linkTtlDays !== undefined ? { link_ttl_days: o.settings.linkTtlDays } : {}),
    });
  }
  const [row] = (await s.db('coi_requests')
    .insert({
      company_id: companyId,
      vendor_id: vendorId,
      project_id: projectId,
      origin: projectId ? 'click' : 'global',
      status: o.status ?? 'pending',
      recipient_email: recipientEmail,
      broker_email: o.brokerEmail ?? null,
      created_at: o.createdAt ?? now,
      updated_at: o.createdAt ?? now,
    })
    .returning('id')) as { id: string }[];
  const requestId = row!.id;
  const token = await createUploadLink(s.db, s.sealer, { companyId, requestId, ttlDays: o.linkTtlDays ?? 30 });
  return { companyId, vendorId, projectId, requestId, token, gcName, vendorName, recipientEmail };
}
