import { DefaultLogger, LogLevel, Runtime } from '@temporalio/worker';
import { logReplacer } from './log-redaction';

const LEVELS: Record<string, LogLevel> = { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' };
let installed = false;

/**
 * Installs the Temporal SDK runtime once per process with JSON log lines at the configured level.
 * Must run before the first NativeConnection or Worker is created.
 */
export function installTemporalRuntime(logLevel: string): void {
  if (installed) return;
  installed = true;
  Runtime.install({
    logger: new DefaultLogger(LEVELS[logLevel] ?? 'INFO', ({ level, message, meta }) => {
      const line = JSON.stringify(
        {
          ts: new Date().toISOString(),
          level: level.toLowerCase(),
          service: 'temporal-sdk',
          msg: message,
          ...meta,
        },
        logReplacer,
      );
      (level === 'ERROR' || level === 'WARN' ? process.stderr : process.stdout).write(line + '\n');
    }),
  });
}
