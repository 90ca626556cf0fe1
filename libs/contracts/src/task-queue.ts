/** The task queue the trajectory worker polls; overridable with TEMPORAL_TASK_QUEUE. */
export const DEFAULT_TASK_QUEUE = 'trajectories';

/** Workflow type names, shared by the client (api) and the worker so they can never drift apart. */
export const WORKFLOW_TYPES = {
  trajectory: 'trajectoryWorkflow',
  breakthroughCase: 'breakthroughCaseWorkflow',
} as const;
