// Child processes in their own process group, so stopping one stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { log } from './log.mjs';

/** Runs a command to completion; throws with its output when it fails. */
export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, {
    encoding: 'utf8',
    stdio: options.inherit ? 'inherit' : 'pipe',
    ...options,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status}\n${output}`);
  }
  return result.stdout ?? '';
}

export function commandExists(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Starts a long-running process with prefixed output. `filter` may drop noisy lines. */
/**
 * `leaderOnly`: stop by signalling only the process itself (it shuts its own children down), escalating to
 * the whole group only on timeout.
 */
export function startProcess(name, cmd, args, { env, cwd, filter, quiet, leaderOnly = false } = {}) {
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      if (quiet || (filter && !filter(line))) return;
      log(name, line);
    });
  }
  return {
    name,
    pid: child.pid,
    exited,
    async stop(timeoutMs = 10000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (leaderOnly) child.kill('SIGTERM');
      else signalGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
    kill(signal = 'SIGKILL') {
      signalGroup(child.pid, signal);
    },
  };
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** Polls `check` until it resolves truthy or the deadline passes (or it throws what `stopOn` accepts). */
export async function waitFor(what, check, { timeoutMs = 30000, intervalMs = 100, stopOn } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
      // An error waiting cannot cure (the process died): fail now, not at the deadline.
      if (stopOn?.(error)) throw new Error(`waiting for ${what}: ${error.message}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`,
  );
}
