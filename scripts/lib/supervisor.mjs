// Keeps one app process of `npm start` (the api or the worker) running: a process that exits on its own is
// started again after a growing delay, and every exit and restart is logged.
import { RestartBackoff } from './backoff.mjs';
import { log } from './log.mjs';

/**
 * `start()` launches the process (a proc.mjs `startProcess` handle) and is called again for every restart;
 * `isHealthy()` polls its health endpoint. `onStart(proc)` sees every launch (e.g. to record the pid).
 *
 * `ready(timeoutMs)` resolves once the first launch is healthy. A process that exits before it was ever
 * healthy is not restarted: that is a broken build or configuration, and retrying it forever would only hide
 * the error, so `ready` rejects and the stack stops. After that, exits are crashes and are restarted.
 * `shouldRestart()` lets the stack veto restarts while it is shutting down.
 */
export function supervise({
  name,
  start,
  isHealthy,
  onStart = () => {},
  shouldRestart = () => true,
  backoff = new RestartBackoff(),
  healthPollMs = 500,
}) {
  let current;
  let healthySince;
  let everHealthy = false;
  let stopped = false;
  let restartTimer;
  let restarts = 0;
  let settleReady;
  const readyOutcome = new Promise((resolve) => (settleReady = resolve));

  function launch() {
    const proc = start();
    let alive = true;
    current = proc;
    healthySince = undefined;
    onStart(proc);
    void proc.exited.then((exit) => {
      alive = false;
      onExit(proc, exit);
    });
    void watchHealth(proc, () => alive);
  }

  async function watchHealth(proc, isAlive) {
    while (!stopped && isAlive()) {
      if (await isHealthy().catch(() => false)) {
        if (!isAlive() || current !== proc) return;
        healthySince = Date.now();
        if (everHealthy) log('stack', `${name} healthy again (pid ${proc.pid})`);
        everHealthy = true;
        settleReady({ ok: true });
        return;
      }
      await new Promise((r) => setTimeout(r, healthPollMs));
    }
  }

  function onExit(proc, { code, signal }) {
    if (stopped || current !== proc) return;
    const how = `code ${code}, signal ${signal}`;
    if (!everHealthy) {
      settleReady({ ok: false, error: new Error(`${name} exited (${how}) before it was healthy`) });
      return;
    }
    if (!shouldRestart()) return;
    const healthyFor = healthySince === undefined ? 0 : Date.now() - healthySince;
    const delay = backoff.delayAfter(healthyFor);
    restarts += 1;
    log(
      'stack',
      `${name} (pid ${proc.pid}) exited unexpectedly (${how}) after ${Math.round(healthyFor / 1000)} s healthy; ` +
        `restart #${restarts} in ${delay / 1000} s`,
    );
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (!stopped && shouldRestart()) launch();
    }, delay);
  }

  launch();
  return {
    name,
    get pid() {
      return current?.pid;
    },
    async ready(timeoutMs) {
      let timer;
      const timeout = new Promise((resolve) => {
        timer = setTimeout(
          () => resolve({ ok: false, error: new Error(`${name} was not healthy within ${timeoutMs} ms`) }),
          timeoutMs,
        );
      });
      const outcome = await Promise.race([readyOutcome, timeout]);
      clearTimeout(timer);
      if (!outcome.ok) throw outcome.error;
    },
    /** Stops the current process and cancels a pending restart. */
    async stop() {
      stopped = true;
      clearTimeout(restartTimer);
      await current?.stop();
    },
  };
}
