/** Entry point of the workflow bundle: every workflow the trajectory worker runs. */
export { trajectoryWorkflow } from './trajectory.workflow';
export { breakthroughCaseWorkflow } from './breakthrough-case.workflow';
