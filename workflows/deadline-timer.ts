import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';

/** What the timer waits for: the deadline, not before `floorMs` from when it is armed. */
export interface TimerTarget {
  deadline: string;
  floorMs: number;
}

/**
 * The trajectory's one durable timer (history version 2, issue 20): armed for the earliest deadline and left
 * alone while that deadline stays the same, so a command that does not move the deadline adds no TimerCanceled
 * and TimerStarted to history. Moving the deadline cancels the old timer and starts one for the new deadline.
 */
export class DeadlineTimer {
  private armed?: { key: string; scope: CancellationScope; fired: boolean };
  private firedUnseen = false;

  /** Whether the armed timer fired and the loop has not taken it yet. */
  get fired(): boolean {
    return this.firedUnseen;
  }

  /** Arms for `target`, keeping the running timer when the target is the same; none: no timer. */
  arm(target: TimerTarget | undefined): void {
    const key = target === undefined ? undefined : `${target.deadline}|${target.floorMs}`;
    if (this.armed !== undefined && !this.armed.fired && this.armed.key === key) return;
    if (this.armed !== undefined && !this.armed.fired) this.armed.scope.cancel();
    this.armed = undefined;
    if (target === undefined || key === undefined) return;
    // At least a millisecond: a deadline that has passed fires at once, in the next workflow task.
    const ms = Math.max(Date.parse(target.deadline) - Date.now(), target.floorMs, 1);
    const armed = { key, scope: new CancellationScope(), fired: false };
    armed.scope
      .run(() => sleep(ms))
      .then(
        () => {
          armed.fired = true;
          if (this.armed === armed) this.firedUnseen = true;
        },
        (error: unknown) => {
          if (!isCancellation(error)) throw error;
        },
      );
    this.armed = armed;
  }

  /** True once per firing: the loop applies the due timers, and the next `arm` starts a new timer. */
  takeFired(): boolean {
    const fired = this.firedUnseen;
    this.firedUnseen = false;
    if (fired) this.armed = undefined;
    return fired;
  }
}
