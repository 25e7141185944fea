import fs from 'node:fs';
import os from 'node:os';

/**
 * CPU time of processes from /proc (Linux): utime + stime, in seconds. A server's CPU is that
 * of its process and all its descendants; PostgreSQL's is the postmaster's, its live
 * children's, and (cutime + cstime) the children it has already reaped.
 */
const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK)

interface Stat {
  pid: number;
  ppid: number;
  /** utime + stime, ticks. */
  own: number;
  /** cutime + cstime of reaped children, ticks. */
  reaped: number;
}

function readStat(pid: number): Stat | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name is in parentheses and may hold spaces: split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
  return { pid, ppid: Number(fields[1]), own: Number(fields[11]) + Number(fields[12]), reaped: Number(fields[13]) + Number(fields[14]) };
}

function allStats(): Stat[] {
  const stats: Stat[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.push(stat);
  }
  return stats;
}

export const cpuAvailable = os.platform() === 'linux' && fs.existsSync('/proc/self/stat');

/** Seconds of CPU used so far by the processes `pids` and their descendants (and what those reaped). */
export function treeCpuSeconds(pids: number[]): number {
  if (!cpuAvailable) return Number.NaN;
  const stats = allStats();
  const children = new Map<number, Stat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const byPid = new Map(stats.map((stat) => [stat.pid, stat]));
  let ticks = 0;
  const seen = new Set<number>();
  const visit = (pid: number) => {
    if (seen.has(pid)) return;
    seen.add(pid);
    const stat = byPid.get(pid);
    if (stat) ticks += stat.own + stat.reaped;
    for (const child of children.get(pid) ?? []) visit(child.pid);
  };
  for (const pid of pids) visit(pid);
  return ticks / TICKS_PER_SECOND;
}

/** The postmaster's pid, from the first line of postmaster.pid in the data directory. */
export function postmasterPid(dataDirectory: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(`${dataDirectory}/postmaster.pid`, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
