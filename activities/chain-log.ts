import { log } from '@temporalio/activity';

/**
 * Logs why no chain message was written, with ids only. Outside an activity (the ledger suites call the
 * activity functions directly) there is no activity logger, and nothing to tell.
 */
export function warnChain(message: string, ids: Record<string, string>): void {
  try {
    log.warn(message, ids);
  } catch {
    // not in an activity context
  }
}
