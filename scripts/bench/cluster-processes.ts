import { startProcess, type RunningProcess } from '../../test/processes';
import type { RssWatch } from './rss';

// The cluster's own processes, kept running as a process manager would: each has a name, is
// watched for memory, and can be killed (SIGKILL) and started again under the same name.

export interface Managed {
  name: string;
  current(): RunningProcess;
  /** Kills it at once (SIGKILL), then starts it again, as a process manager restarts a crashed service. */
  crashAndRestart(): Promise<void>;
  stop(): Promise<void>;
}

export async function managed(name: string, script: string, env: Record<string, string>, ready: RegExp, rss: RssWatch): Promise<Managed> {
  const start = async () => {
    const p = await startProcess(script, env, ready);
    if (p.child.pid) rss.watch(name, p.child.pid);
    return p;
  };
  let current = await start();
  return {
    name,
    current: () => current,
    async crashAndRestart() {
      const exited = new Promise((r) => (current.alive() ? current.child.once('exit', r) : r(null)));
      current.child.kill('SIGKILL');
      await exited;
      current = await start();
    },
    stop: () => current.stop(),
  };
}
