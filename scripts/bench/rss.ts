import { residentMb } from '../../server/certificates/proc-stats';
import { descendantsOf } from '../../test/processes';

// Peak resident memory of named processes and, separately, of their children (the reader's
// capped processes), sampled from /proc every few hundred milliseconds.

const mb = async (pid: number) => (await residentMb(pid)) ?? 0;

export interface Peak {
  own: number;
  /** The largest single child seen. */
  child: number;
}

export interface RssWatch {
  /** Starts watching a process under a name; a restarted process keeps its name (the peak covers both). */
  watch(name: string, pid: number): void;
  peaks(): Map<string, Peak>;
  stop(): void;
}

export function watchRss(everyMs = 250): RssWatch {
  const pids = new Map<string, number>();
  const peaks = new Map<string, Peak>();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void Promise.all(
      [...pids].map(async ([name, pid]) => {
        const own = await mb(pid);
        const kids = await Promise.all((await descendantsOf(pid)).map(mb));
        const peak = peaks.get(name) ?? { own: 0, child: 0 };
        peaks.set(name, { own: Math.max(peak.own, own), child: Math.max(peak.child, ...kids) });
      }),
    ).finally(() => {
      busy = false;
    });
  }, everyMs);
  return {
    watch: (name, pid) => void pids.set(name, pid),
    peaks: () => peaks,
    stop: () => clearInterval(timer),
  };
}
