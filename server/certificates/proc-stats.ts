import { readFile } from 'node:fs/promises';

// A process's resident memory and CPU time, read from /proc (Linux).

const pageBytes = 4096;
/** Linux reports process times in 1/100 s (USER_HZ) whatever the kernel's own tick. */
const ticksPerSecond = 100;

/** A process's resident memory in MB (from /proc), or null once it is gone. */
export async function residentMb(pid: number): Promise<number | null> {
  try {
    const statm = await readFile(`/proc/${pid}/statm`, 'utf8');
    return (Number(statm.split(' ')[1]) * pageBytes) / (1024 * 1024);
  } catch {
    return null;
  }
}

/** CPU time a process has used (user and system, all its threads), in ms, or null once it is gone. */
export async function cpuUsedMs(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // After the command name (in parentheses, and it may hold spaces) come fields 3 on; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}
