import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config';
import { createDb } from '../server/db';
import { createLogger } from '../server/logger';
import { resolveSecretKey } from '../server/secret-key';
import { createServices } from '../server/services';
import { nightlySync } from '../server/sync/nightly';

// `npm run sync -- --company <id>`: the nightly sync of one company, by hand. Resumes an
// unfinished run; prints what it read, changed, wrote, skipped and failed.

async function main() {
  const { values } = parseArgs({ options: { company: { type: 'string' } } });
  if (!values.company || !/^\d+$/.test(values.company)) throw new ConfigError(['--company <Procore company id> is required']);
  const config = loadConfig(process.env);
  if (!config.databaseUrl) throw new ConfigError(['DATABASE_URL: the sync needs the shared database; set DATABASE_URL']);
  const log = createLogger(config.logLevel);
  const db = createDb(config.databaseUrl);
  try {
    const s = createServices(config, db, log, resolveSecretKey(config.secretKey, config.dataDir));
    s.enqueue = async () => undefined;
    s.enqueueMany = async () => undefined;
    const started = Date.now();
    const result = await nightlySync(s, values.company);
    const c = result.counts;
    console.log(`sync company ${values.company}${result.resumed ? ' (resumed)' : ''}: read ${c.read}, changed ${c.changed}, written ${c.written}, skipped ${c.skipped}, failed ${c.failed} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : err);
  process.exit(1);
});
