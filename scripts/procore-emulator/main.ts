import { startEmulator } from './index';
import { startMailSink } from './mail-sink';

// `npm run emulator`: the emulator on EMULATOR_PORT (4010) plus an SMTP sink on SMTP_SINK_PORT
// (2525) whose messages appear in the emulator's mailbox.

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

const sink = await startMailSink({ port: intEnv('SMTP_SINK_PORT', 2525) });
const emulator = await startEmulator({
  port: intEnv('EMULATOR_PORT', 4010),
  vendors: intEnv('EMULATOR_VENDORS', 300),
  appUrl: process.env.APP_URL ?? 'http://localhost:3000',
  clientId: process.env.PROCORE_CLIENT_ID ?? 'emulator-client',
  clientSecret: process.env.PROCORE_CLIENT_SECRET ?? 'emulator-secret',
  mail: () => sink.messages(),
});
console.log(`Procore emulator on ${emulator.url} (SMTP sink ${sink.url}, mailbox ${emulator.url}/__emulator/mailbox)`);

async function shutdown(): Promise<void> {
  await emulator.close();
  await sink.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
