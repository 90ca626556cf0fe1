import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * CPU time and memory of a process, or of it and its descendants, read from Linux /proc. Descendants
 * matter for PostgreSQL (one backend process per connection under the postmaster); node and the Temporal
 * CLI do their work in one process.
 */

let clockTicks: number | undefined;

/** Kernel clock ticks per second, the unit of utime/stime in /proc/<pid>/stat (almost always 100). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

interface StatLine {
  ppid: number;
  /** utime + stime in seconds. */
  ownSeconds: number;
  /** cutime + cstime in seconds: the time of reaped children moves into their parent's c-fields. */
  reapedChildrenSeconds: number;
}

function readStat(pid: number): StatLine | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Field 2 (comm) may hold spaces and parentheses: parse after the LAST ')'. rest[0] is field 3.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const field = (n: number) => Number(rest[n - 3]);
  return {
    ppid: field(4),
    ownSeconds: (field(14) + field(15)) / ticksPerSecond(),
    reapedChildrenSeconds: (field(16) + field(17)) / ticksPerSecond(),
  };
}

function statusKb(pid: number, key: 'VmHWM' | 'VmRSS'): number {
  try {
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Parent pid → child pids of every live process; read once per sampling round. */
export function childrenMap(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (!stat) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push(Number(entry));
    children.set(stat.ppid, list);
  }
  return children;
}

/** The pid and every live descendant of it. */
export function processTree(root: number, children = childrenMap()): number[] {
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

export interface ProcSample {
  /** CPU seconds since start: of the process alone, or of the tree including reaped children. */
  cpuSeconds: number;
  /** Resident memory of the root process now, MiB. */
  rssMb: number;
  /** Sum of the tree's resident memory now, MiB (over-counts pages shared between PostgreSQL backends). */
  treeRssMb: number;
  /** Peak resident memory of the root process since start or since the last resetPeakRss, MiB. */
  hwmMb: number;
}

/**
 * `tree` undefined: the process alone (utime + stime). With its tree: every live descendant plus what
 * reaped ones left in their parents' c-fields (PostgreSQL's short-lived backends).
 */
export function sampleProcess(pid: number, tree?: number[]): ProcSample {
  let cpuSeconds = 0;
  let treeKb = 0;
  for (const p of tree ?? [pid]) {
    const stat = readStat(p);
    cpuSeconds += (stat?.ownSeconds ?? 0) + (tree ? (stat?.reapedChildrenSeconds ?? 0) : 0);
    treeKb += statusKb(p, 'VmRSS');
  }
  return {
    cpuSeconds,
    rssMb: statusKb(pid, 'VmRSS') / 1024,
    treeRssMb: treeKb / 1024,
    hwmMb: statusKb(pid, 'VmHWM') / 1024,
  };
}

/**
 * Resets the kernel's peak-RSS counter (VmHWM) so it covers one phase, not the process's start-up
 * (webpack bundling in Worker.create alone peaks far above steady state). Linux ≥ 4.0: `5` to clear_refs.
 * Returns false where that is not allowed; the phase's peak then falls back to the sampled maximum.
 */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * CPU seconds the whole machine spent busy and idle since boot (first line of /proc/stat). Busy time not
 * spent by the measured processes is other work on the machine: the noise in a run's numbers.
 */
export function hostCpuSeconds(): { busy: number; idle: number; steal: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already inside user and nice).
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
  const ticks = ticksPerSecond();
  return {
    busy: (user + nice + system + irq + softirq) / ticks,
    idle: (idle + iowait) / ticks,
    // Time the hypervisor gave this VM's cores to someone else: noise from outside the machine.
    steal: steal / ticks,
  };
}
