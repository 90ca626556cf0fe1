import type { PhaseResult } from './phase-result';
import { formatTable } from './table';

/** The terminal view of a run; every number is also in the JSON file. */
export function printPhases(phases: PhaseResult[]): void {
  const col = <T extends string | number>(f: (p: PhaseResult) => T): T[] => phases.map(f);
  const roles = [...new Set(phases.flatMap((p) => Object.keys(p.processes)))];
  const rows: (string | number)[][] = [
    ['trajectories (ok / failed)', ...col((p) => `${p.completed} / ${p.failed}`)],
    ['concurrency', ...col((p) => p.concurrency)],
    ['wall time s', ...col((p) => p.wallSeconds)],
    ['trajectories/s', ...col((p) => p.trajectoriesPerSecond)],
    ['updates / activities / timers per traj.', ...col((p) => shapeLine(p))],
    [
      'CPU ms per trajectory (system)',
      ...col((p) => `${p.cpuMsPerTrajectory.system} (${p.systemRoles.join('+')})`),
    ],
    ['machine CPU s: busy / idle / other processes', ...col((p) => hostLine(p))],
  ];
  for (const role of roles) {
    rows.push([
      `${role}: CPU s / ms per traj. / peak RSS MiB`,
      ...col((p) => {
        const r = p.processes[role];
        return r ? `${r.cpuSeconds} / ${p.cpuMsPerTrajectory[role]} / ${r.peakRssMb}` : '-';
      }),
    ]);
  }
  console.log(`\n${formatTable(['', ...col((p) => p.phase)], rows)}`);
  for (const p of phases) {
    console.log(`\nlatency ms, ${p.phase}`);
    const latency = Object.entries(p.latencyMs).map(([op, s]) => [op, s.count, s.p50, s.p95, s.p99, s.max]);
    console.log(formatTable(['operation', 'count', 'p50', 'p95', 'p99', 'max'], latency));
    for (const e of p.errors) console.log(`  error: ${e}`);
  }
}

function hostLine(p: PhaseResult): string {
  return `${p.host.busySeconds} / ${p.host.idleSeconds} / ${p.host.otherProcessesSeconds}`;
}

function shapeLine(p: PhaseResult): string {
  const s = p.shape.perTrajectory;
  return `${s.updates} / ${s.activities} / ${s.timers}`;
}

export function printRatios(title: string, ratios: Record<string, number | null>): void {
  const rows = Object.entries(ratios).map(([k, v]) => [k, v ?? 'n/a (failures)']);
  console.log(`\n${formatTable([title, 'ratio'], rows)}`);
}
