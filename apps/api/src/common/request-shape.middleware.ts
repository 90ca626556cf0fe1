import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { containsBsn } from '@app/contracts';
import type { FieldError } from './api-error';
import { ApiException } from './domain-errors';

/** Deeper JSON than any request of this API needs; class-transformer would recurse into it (stack overflow). */
export const MAX_JSON_DEPTH = 16;

/** Keys that would reach an object's prototype once a body is copied onto a class instance. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** C0 controls and DEL: no id, reference or code of this API holds them, and PostgreSQL refuses NUL. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The media types read as JSON, by the body parser (setup-app.ts) and the codec routes alike. */
export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The chain's messages (issue 17) come in as XML, on this path only. */
export const CHAIN_UPLOAD_PATH = '/chain/messages';
export const XML_MEDIA_TYPES = ['application/xml', 'text/xml'];
const CHAIN_COMPLETE_PATH = /^\/chain\/messages\/[^/]+\/complete$/;

/**
 * Where a body carries the client's personal data by design (decisions.md 11, issue 17): an inbound chain
 * message's client block, and the client block a case system adds to a 301 on its way out. Those bodies are
 * read for that request only — never stored, logged or sent to Temporal — so the BSN rule below skips them.
 */
function carriesClientBlock(req: Request): boolean {
  // Any method: a method these paths do not serve then answers 405, not a refusal of its body.
  return req.path === CHAIN_UPLOAD_PATH || CHAIN_COMPLETE_PATH.test(req.path);
}

/**
 * Refuses requests whose shape no route of this API accepts, before authentication and validation look at
 * them, with the one error body: a path with undecodable escapes or control bytes (400), a body that is not
 * JSON (415), JSON nested deeper than MAX_JSON_DEPTH or with prototype keys (400), and — decisions.md 11 — a
 * BSN-shaped value anywhere in the body, the query or the Idempotency-Key (400): references are pseudonymous,
 * and a citizen service number must not reach the process engine, the database or the logs. Path segments
 * are not checked for a BSN so that ids recorded before this rule stay addressable; paths are not logged.
 */
export function requestShapeMiddleware(req: Request, _res: Response, next: NextFunction): void {
  next(shapeProblem(req));
}

function shapeProblem(req: Request): ApiException | undefined {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return invalid([{ field: 'path', message: 'the path holds an escape sequence that is not UTF-8' }]);
  }
  if (CONTROL.test(path)) return invalid([{ field: 'path', message: 'the path holds control characters' }]);

  const chainUpload = req.path === CHAIN_UPLOAD_PATH;
  if (
    BODY_METHODS.has(req.method) &&
    hasBody(req) &&
    !req.is(chainUpload ? XML_MEDIA_TYPES : JSON_MEDIA_TYPES)
  ) {
    return new ApiException(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'UNSUPPORTED_MEDIA_TYPE',
      chainUpload ? 'Send the message as application/xml' : 'Send the request body as application/json',
    );
  }

  const errors: FieldError[] = [];
  const key = req.header('idempotency-key');
  if (key !== undefined && containsBsn(key)) errors.push(bsnError('Idempotency-Key'));
  inspect(req.query, 'query', errors);
  if (req.body !== undefined && !carriesClientBlock(req)) inspect(req.body, '', errors);
  return errors.length > 0 ? invalid(errors) : undefined;
}

/**
 * Whether bytes follow the headers. Not `req.is`'s own notion: it counts `Content-Length: 0` as a body, and
 * a bodiless POST (a lifecycle action without parameters) must not need a content type.
 */
function hasBody(req: Request): boolean {
  const length = req.header('content-length');
  return (length !== undefined && length !== '0') || req.header('transfer-encoding') !== undefined;
}

/** Walks a parsed value without recursion (a hostile depth cannot overflow the stack here). */
function inspect(root: unknown, rootPath: string, errors: FieldError[]): void {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [
    { value: root, path: rootPath, depth: 0 },
  ];
  while (stack.length > 0 && errors.length < 20) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      // A date-time's nine-digit fraction of a second is no citizen service number.
      if (!DATE_TIME.test(value) && containsBsn(value)) errors.push(bsnError(path || 'body'));
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) {
      errors.push({ field: path || 'body', message: `nested deeper than ${MAX_JSON_DEPTH} levels` });
      continue;
    }
    const entries: Array<[string, unknown]> = Array.isArray(value)
      ? value.map((v, i) => [String(i), v])
      : Object.entries(value);
    if (!Array.isArray(value)) {
      // JSON.parse makes "__proto__" an own key, which Object.entries lists like any other.
      for (const name of Object.getOwnPropertyNames(value)) {
        if (PROTOTYPE_KEYS.has(name)) {
          errors.push({ field: join(path, name), message: `${name} is not a permitted field name` });
        } else if (containsBsn(name)) errors.push(bsnError(join(path, name)));
      }
    }
    for (const [name, child] of entries) {
      if (!PROTOTYPE_KEYS.has(name)) stack.push({ value: child, path: join(path, name), depth: depth + 1 });
    }
  }
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

function bsnError(field: string): FieldError {
  return {
    field,
    message: `${field} looks like a citizen service number (BSN); send a pseudonymous reference instead`,
  };
}

function invalid(errors: FieldError[]): ApiException {
  return new ApiException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'The request has invalid fields', {
    errors,
  });
}
