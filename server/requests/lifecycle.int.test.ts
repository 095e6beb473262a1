import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { createTestRequest } from '../../test/factories';
import { createSealer } from '../auth/crypto';
import { requestStatuses } from '../contracts/requests';
import { moveRequest, transitions } from './lifecycle';
import { systemActor } from './timeline';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

const s = () => ({ db: database.db, sealer: createSealer('test-secret-key-that-is-long-enough-123') });
const actor = systemActor('Test');
const statusOf = async (id: string) => ((await database.db('coi_requests').where({ id }).first('status')) as { status: string }).status;

describe('moveRequest', () => {
  it('every transition ends in a request status and starts from request statuses', () => {
    for (const t of Object.values(transitions)) {
      for (const to of typeof t.to === 'string' ? [t.to] : t.to) expect(requestStatuses).toContain(to);
      for (const from of t.from) expect(requestStatuses).toContain(from);
    }
  });

  it('writes the status, its timeline event, the email and the Procore intent together', async () => {
    const r = await createTestRequest(s(), { status: 'under_review' });
    const result = await database.db.transaction((trx) =>
      moveRequest(trx, {
        companyId: r.companyId,
        requestId: r.requestId,
        transition: 'fallShort',
        actor,
        reason: 'falls short',
        email: async () => 'email-1',
      }),
    );
    expect(result).toEqual({ moved: true, from: 'under_review', emailId: 'email-1' });
    expect(await statusOf(r.requestId)).toBe('awaiting_new_coi');
    const events = await database.db('request_events').where({ request_id: r.requestId, kind: 'status_changed' });
    expect(events.map((e) => e.data)).toEqual([{ from: 'under_review', to: 'awaiting_new_coi', reason: 'falls short' }]);
    const intent = await database.db('procore_writebacks').where({ request_id: r.requestId }).first();
    expect(intent).toMatchObject({ wanted: 1, done: 0 });
  });

  it('refuses a transition from a status outside its table row and writes nothing', async () => {
    const r = await createTestRequest(s(), { status: 'archived' });
    let emailed = false;
    const result = await database.db.transaction((trx) =>
      moveRequest(trx, {
        companyId: r.companyId,
        requestId: r.requestId,
        transition: 'comply',
        actor,
        reason: 'no',
        email: async () => {
          emailed = true;
          return 'x';
        },
      }),
    );
    expect(result.moved).toBe(false);
    expect(emailed).toBe(false);
    expect(await statusOf(r.requestId)).toBe('archived');
    expect(await database.db('request_events').where({ request_id: r.requestId })).toHaveLength(0);
    expect(await database.db('procore_writebacks').where({ request_id: r.requestId })).toHaveLength(0);
  });

  it('a move in a transaction that fails leaves no status, event or intent behind', async () => {
    const r = await createTestRequest(s(), { status: 'pending' });
    await expect(
      database.db.transaction(async (trx) => {
        await moveRequest(trx, { companyId: r.companyId, requestId: r.requestId, transition: 'receive', actor, reason: 'received' });
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await statusOf(r.requestId)).toBe('pending');
    expect(await database.db('procore_writebacks').where({ request_id: r.requestId })).toHaveLength(0);
  });

  it('does not move a request of another company', async () => {
    const r = await createTestRequest(s(), { status: 'pending' });
    const other = await createTestRequest(s(), { status: 'pending' });
    const result = await database.db.transaction((trx) =>
      moveRequest(trx, { companyId: other.companyId, requestId: r.requestId, transition: 'cancel', actor, reason: 'x' }),
    );
    expect(result.moved).toBe(false);
    expect(await statusOf(r.requestId)).toBe('pending');
  });
});
