import { LoggerService } from '@nestjs/common';
import { logReplacer } from './log-redaction';
import { currentRequestId } from './request-context';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Structured JSON log lines (one object per line) for both apps. Callers pass ids and codes only;
 * personal data never reaches a log line.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly service: string,
    private readonly minLevel: Level = 'info',
  ) {}

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }

  private write(level: Level, message: unknown, context?: string, trace?: string): void {
    if (ORDER[level] < ORDER[this.minLevel]) return;
    const fields = typeof message === 'object' && message !== null ? message : { msg: String(message) };
    const requestId = currentRequestId();
    const line = JSON.stringify(
      {
        ts: new Date().toISOString(),
        level,
        service: this.service,
        ...(requestId ? { requestId } : {}),
        context,
        ...fields,
        trace,
      },
      logReplacer,
    );
    (level === 'error' ? process.stderr : process.stdout).write(line + '\n');
  }
}
