import { DefaultLogger, LogLevel, Runtime } from '@temporalio/worker';
import { logReplacer } from './log-redaction';

const LEVELS: Record<string, LogLevel> = { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' };
let installed = false;

export interface TemporalRuntimeOptions {
  /**
   * host:port of a Prometheus endpoint (`/metrics`) for the SDK's own metrics, e.g. workflow-task latency,
   * schedule-to-start, sticky-cache hits and free slots. Counters end in `_total`, durations are seconds.
   */
  metricsBindAddress?: string;
}

/**
 * Installs the Temporal SDK runtime once per process with JSON log lines at the configured level and, when
 * asked, a Prometheus endpoint. Must run before the first NativeConnection or Worker is created.
 */
export function installTemporalRuntime(logLevel: string, options: TemporalRuntimeOptions = {}): void {
  if (installed) return;
  installed = true;
  Runtime.install({
    ...(options.metricsBindAddress
      ? {
          telemetryOptions: {
            metrics: {
              prometheus: {
                bindAddress: options.metricsBindAddress,
                countersTotalSuffix: true,
                unitSuffix: true,
                useSecondsForDurations: true,
              },
            },
          },
        }
      : {}),
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
