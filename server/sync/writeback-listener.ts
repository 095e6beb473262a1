import pg from 'pg';
import { z } from 'zod';
import type { Services } from '../services';
import { PROCORE_WRITEBACK } from '../jobs/procore-writeback';
import { writeBackChannel } from './writeback-intents';

// Workers listen for committed write-back intents (pg_notify in the intent's transaction) and
// enqueue the write at once; the per-minute sweep catches anything a missed notification left.

const notice = z.object({ companyId: z.string().regex(/^\d+$/), requestId: z.string().uuid() });

export async function listenForWriteBacks(databaseUrl: string, s: Services): Promise<{ stop(): Promise<void> }> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'coi-writeback-listener' });
  client.on('error', (err) => s.log.warn({ err }, 'write-back listener lost its connection; the sweep takes over'));
  client.on('notification', (n) => {
    const parsed = notice.safeParse(JSON.parse(n.payload ?? 'null'));
    if (!parsed.success) return;
    s.enqueue(PROCORE_WRITEBACK, parsed.data).catch((err: unknown) => s.log.warn({ err }, 'could not enqueue a write-back; the sweep will'));
  });
  await client.connect();
  await client.query(`LISTEN ${writeBackChannel}`);
  return {
    async stop() {
      await client.end().catch(() => undefined);
    },
  };
}
