import { ConfigError, loadConfig } from '../server/config';
import { startApp } from '../server/index';
import { guardProcess } from '../server/outage';
import { builtClient, viteClient } from '../server/client-assets';
import { startEmulator } from './procore-emulator/index';
import { startMailSink } from './procore-emulator/mail-sink';

// `npm start`: the whole product on embedded defaults. Without Procore credentials it starts
// the Procore emulator (and a local mail sink when SMTP_URL is unset) and points the app at them.

const started = Date.now();

async function main() {
  const env: Record<string, string | undefined> = { ...process.env };
  const stops: (() => Promise<void>)[] = [];
  const notes: string[] = [];
  const emulated = !env.PROCORE_CLIENT_ID && !env.PROCORE_CLIENT_SECRET && !env.PROCORE_LOGIN_URL && !env.PROCORE_API_URL;
  const appUrl = env.APP_URL ?? 'http://localhost:3000';

  let mailList: (() => ReturnType<Awaited<ReturnType<typeof startMailSink>>['messages']>) | undefined;
  if (emulated && !env.SMTP_URL) {
    const sink = await startMailSink({ port: Number(env.MAIL_SINK_PORT ?? 2525) });
    env.SMTP_URL = sink.url;
    mailList = () => sink.messages();
    stops.push(sink.close);
    notes.push(`mail sink ${sink.url}`);
  }
  if (emulated) {
    const clientId = 'emulator-client';
    const clientSecret = 'emulator-secret';
    const emulator = await startEmulator({
      port: Number(env.EMULATOR_PORT ?? 4010),
      appUrl,
      clientId,
      clientSecret,
      vendors: env.EMULATOR_VENDORS ? Number(env.EMULATOR_VENDORS) : undefined,
      mail: mailList ? () => mailList() : undefined,
    });
    Object.assign(env, {
      PROCORE_CLIENT_ID: clientId,
      PROCORE_CLIENT_SECRET: clientSecret,
      PROCORE_LOGIN_URL: emulator.url,
      PROCORE_API_URL: emulator.url,
      PROCORE_FRAME_ORIGINS: [env.PROCORE_FRAME_ORIGINS, new URL(emulator.url).origin].filter(Boolean).join(','),
    });
    stops.push(emulator.close);
    notes.unshift(`Procore emulator ${emulator.url} (open this)`);
  }

  const config = loadConfig(env);
  const mountClient = config.env === 'production' ? builtClient() : await viteClient();
  const app = await startApp(config, { mountClient });
  guardProcess(app.services.log);
  stops.unshift(app.stop);

  const db = app.embeddedDatabase ? `PostgreSQL embedded (${config.dataDir}/postgres)` : 'PostgreSQL from DATABASE_URL';
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`COI Compliance ready in ${seconds}s: app ${app.url} · ${[...notes, db, `workers ${config.workers ? 'on' : 'off'}`].join(' · ')}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    for (const stop of stops) await stop().catch((err: unknown) => console.error(err));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
