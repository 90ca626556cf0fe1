import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/* The request id lives here, beside the logger, so every log line written while serving a request carries it. */

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

const SAFE_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is a safe token, else a new UUID), returns it in
 * the response header and keeps it for the log lines and the error body of that request.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  storage.run({ requestId }, next);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
