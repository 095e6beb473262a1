import { loadConfig } from '../server/config';
import { startApp } from '../server/index';
import { guardProcess } from '../server/outage';

// An app server as its own process, for crash tests: what `npm start` runs, configured wholly
// from the environment (DATABASE_URL, PORT, Procore and SMTP pointing at test services), with
// no panel assets. It prints "ready <url>" once it listens.

const app = await startApp(loadConfig(process.env));
guardProcess(app.services.log);
console.log(`ready ${app.url}`);
process.once('SIGTERM', () => {
  void app.stop().finally(() => process.exit(0));
});
