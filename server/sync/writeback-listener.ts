import pg from 'pg';
import { z } from 'zod';
import type { Services } from '../services';
import { PROCORE_WRITEBACK } from '../jobs/procore-writeback';
import { writeBackChannel } from './writeback-intents';

// Workers listen for committed write-back intents (pg_notify in the intent's transaction) and
// enqueue the write at once; the per-minute sweep catches anything a missed notification left.
// A lost connection (a database outage) is logged and made again a little later.

const notice = z.object({ companyId: z.string().regex(/^\d+$/), requestId: z.string().uuid() });
const reconnectAfterMs = 5_000;

function parsed(payload: string | undefined): z.infer<typeof notice> | null {
  try {
    const result = notice.safeParse(JSON.parse(payload ?? 'null'));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

export async function listenForWriteBacks(databaseUrl: string, s: Services): Promise<{ stop(): Promise<void> }> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl, application_name: 'coi-writeback-listener' });
    client = c;
    c.on('error', (err) => {
      s.log.warn({ err }, 'write-back listener lost its connection; the sweep takes over until it is back');
      void c.end().catch(() => undefined);
      later();
    });
    c.on('notification', (n) => {
      const data = parsed(n.payload);
      if (!data) return;
      s.enqueue(PROCORE_WRITEBACK, data).catch((err: unknown) => s.log.warn({ err }, 'could not enqueue a write-back; the sweep will'));
    });
    await c.connect();
    await c.query(`LISTEN ${writeBackChannel}`);
  };

  const later = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect().catch(() => later());
    }, reconnectAfterMs);
    retry.unref();
  };

  await connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
