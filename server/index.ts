import type { Server } from 'node:http';
import path from 'node:path';
import type { Config } from './config';
import { createDb, migrateLatest, type Db } from './db';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
import { createLogger } from './logger';
import { resolveSecretKey } from './secret-key';
import { createServices, type Services } from './services';
import { startQueue, type Queue } from './jobs';
import { createApp, type AppOptions } from './app';
import { closeReaderPools } from './certificates/pool';

// Starts the app server: PostgreSQL (DATABASE_URL or embedded), migrations, the job queue
// (with workers unless WORKERS=off) and the HTTP server.

export interface RunningApp {
  url: string;
  databaseUrl: string;
  embeddedDatabase: boolean;
  services: Services;
  queue: Queue;
  stop(): Promise<void>;
}

export interface StartOptions extends AppOptions {
  embeddedPostgresPort?: number;
}

export async function startApp(config: Config, options: StartOptions = {}): Promise<RunningApp> {
  const log = createLogger(config.logLevel);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(config.dataDir, 'postgres'),
      port: options.embeddedPostgresPort ?? 54329,
      log: (line) => log.trace({ postgres: line }),
    });
    databaseUrl = embedded.url;
  }
  let db: Db | undefined;
  let queue: Queue | undefined;
  let server: Server | undefined;
  let services: Services | undefined;
  const stop = async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server?.closeAllConnections();
    await queue?.stop().catch((err: unknown) => log.warn({ err }, 'job queue did not stop cleanly'));
    services?.mailer.close();
    await closeReaderPools();
    await db?.destroy();
    await embedded?.stop();
  };
  try {
    db = createDb(databaseUrl);
    await migrateLatest(db);
    const secretKey = resolveSecretKey(config.secretKey, config.dataDir);
    services = createServices(config, db, log, secretKey);
    queue = await startQueue(databaseUrl, services, config.workers);
    const app = createApp(services, secretKey, options);
    server = await new Promise<Server>((resolve, reject) => {
      const srv = app.listen(config.port, config.host, () => resolve(srv));
      srv.once('error', reject);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.port === 0 ? config.appUrl.replace(/:\d+$/, `:${port}`) : config.appUrl;
    return { url, databaseUrl, embeddedDatabase: Boolean(embedded), services, queue, stop };
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}
