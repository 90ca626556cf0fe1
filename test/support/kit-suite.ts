import { TrajectoryKit } from './trajectory-kit';
import { uniqueRef } from './unique-ref';
import type { WorkflowTestBed } from './workflow-env';

/**
 * Jest hooks for workflow spec files only: test/tools/record-histories.ts uses TrajectoryKit outside Jest,
 * where there are no Jest globals.
 */
/** The bed and kit of one workflow spec file; both exist from its `beforeAll` on. */
export interface KitSuite {
  bed: WorkflowTestBed;
  kit: TrajectoryKit;
}

/**
 * Registers one spec file's test bed: made once (task queue `<name>-…`), its trajectories cleaned after each
 * test, closed at the end. Trajectory ids start with `prefix`.
 */
export function useTrajectoryKit(
  makeBed: (taskQueue: string) => Promise<WorkflowTestBed>,
  name: string,
  prefix: string,
): KitSuite {
  const suite = {} as KitSuite;
  beforeAll(async () => {
    suite.bed = await makeBed(uniqueRef(name));
    suite.kit = new TrajectoryKit(suite.bed, prefix);
  });
  afterEach(() => suite.bed.cleanup());
  afterAll(() => suite.bed?.close());
  return suite;
}
