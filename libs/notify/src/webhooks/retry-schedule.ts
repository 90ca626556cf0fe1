/**
 * The wait before the next attempt after `attempts` failed ones (schedule from the configuration's
 * `WEBHOOK_RETRY_SCHEDULE` / `MAIL_RETRY_SCHEDULE`), or undefined when the schedule is spent: a dead letter.
 * Up to 10 % jitter spreads the retries of many deliveries that failed together.
 */
export function nextRetryDelay(
  schedule: readonly number[],
  attempts: number,
  random: () => number = Math.random,
): number | undefined {
  const base = schedule[attempts - 1];
  if (base === undefined) return undefined;
  return Math.round(base * (1 + 0.1 * random()));
}
