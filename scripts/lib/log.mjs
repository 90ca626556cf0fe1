// Clear, prefixed log lines for the stack and test scripts.
const colors = { stack: 36, postgres: 34, temporal: 35, worker: 33, api: 32, test: 37 };

export function log(source, message) {
  const c = colors[source] ?? 37;
  const tty = process.stdout.isTTY;
  const tag = tty ? `\x1b[${c}m[${source}]\x1b[0m` : `[${source}]`;
  process.stdout.write(`${tag} ${message}\n`);
}

export function fail(source, message) {
  log(source, `ERROR: ${message}`);
  process.exitCode = 1;
}
