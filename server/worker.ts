import { loadConfig, ConfigError } from './config';
import { createDb } from './db';
import { createLogger } from './logger';
import { resolveSecretKey } from './secret-key';
import { createServices } from './services';
import { startQueue } from './jobs';
import { guardProcess } from './outage';
import { closeReaderPools } from './certificates/pool';

// `npm run worker`: job workers alone, no HTTP. Run any number against one PostgreSQL.


async function main() {
  const config = loadConfig(process.env);
  if (!config.databaseUrl) throw new ConfigError(['DATABASE_URL: workers need the shared database; set DATABASE_URL']);
  const log = createLogger(config.logLevel);
  guardProcess(log);
  const db = createDb(config.databaseUrl);
  const services = createServices(config, db, log, resolveSecretKey(config.secretKey, config.dataDir));
  const queue = await startQueue(config.databaseUrl, services, true);
  log.info('workers started');
  const shutdown = async () => {
    await queue.stop();
    await closeReaderPools();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
