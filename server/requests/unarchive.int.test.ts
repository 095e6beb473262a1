import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { COMPANY_A, USER_ADMIN, USER_SECOND_COMPANY } from '../../scripts/procore-emulator/seed-people';
import type { Directory } from '../contracts/directory';
import type { CreateRequestsResult, RequestDetail, RequestSummary } from '../contracts/requests';

let stack: Stack;
let admin: string;
let directory: Directory;
const projectId = 2783001;
const base = `/api/companies/${COMPANY_A}`;

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.signIn(USER_ADMIN);
  directory = ((await (await stack.api(admin, `${base}/projects/${projectId}/vendors`)).json()) as { data: Directory }).data;
});
afterAll(async () => stack?.close());

const post = (token: string, path: string, body: unknown = {}) => stack.api(token, path, { method: 'POST', body: JSON.stringify(body) });
const liveLinks = (requestId: string) => stack.database.db('upload_links').where({ request_id: requestId }).whereNull('revoked_at').where('expires_at', '>', new Date());

async function requestOne(index: number): Promise<RequestSummary> {
  const vendor = directory.vendors.filter((v) => v.emailValid)[index]!;
  const res = await post(admin, `${base}/projects/${projectId}/requests`, { vendorIds: [vendor.vendorId] });
  return ((await res.json()) as { data: CreateRequestsResult }).data.created[0]!;
}

describe('unarchive', () => {
  it('brings an archived request back to its status before, with a live upload link and a timeline entry', async () => {
    const request = await requestOne(0);
    expect((await post(admin, `${base}/requests/${request.id}/archive`)).status).toBe(200);
    expect(await liveLinks(request.id)).toHaveLength(0);

    const res = await post(admin, `${base}/requests/${request.id}/unarchive`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: RequestSummary }).data.status).toBe('pending');
    expect(await liveLinks(request.id)).toHaveLength(1);
    const detail = ((await (await stack.api(admin, `${base}/requests/${request.id}`)).json()) as { data: RequestDetail }).data;
    expect(detail.timeline.at(-1)).toMatchObject({ kind: 'unarchived', actor: 'Alice Morgan', summary: 'Request unarchived: back to Pending.' });
    const row = ((await (await stack.api(admin, `${base}/projects/${projectId}/vendors`)).json()) as { data: Directory }).data.vendors.find((v) => v.vendorId === request.vendorId)!;
    expect(row.status).toBe('pending');

    const again = await post(admin, `${base}/requests/${request.id}/unarchive`);
    expect(again.status).toBe(409);
  });

  it('refuses while a newer open request covers the same vendor and project, changing nothing', async () => {
    const request = await requestOne(1);
    await post(admin, `${base}/requests/${request.id}/archive`);
    const newer = await requestOne(1);
    expect(newer.id).not.toBe(request.id);
    const res = await post(admin, `${base}/requests/${request.id}/unarchive`);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/newer open request for Riverside Medical Center/);
    const row = await stack.database.db('coi_requests').where({ id: request.id }).first('status');
    expect(row.status).toBe('archived');
    expect(await stack.database.db('request_events').where({ request_id: request.id, kind: 'unarchived' })).toHaveLength(0);
  });

  it("answers another company's user with 404", async () => {
    const request = await requestOne(2);
    await post(admin, `${base}/requests/${request.id}/archive`);
    const outsider = await stack.signIn(USER_SECOND_COMPANY);
    expect((await post(outsider, `${base}/requests/${request.id}/unarchive`)).status).toBe(404);
  });
});
