import { HttpStatus } from '@nestjs/common';
import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { ApiException } from '../common/domain-errors';
import { JSON_MEDIA_TYPES } from '../common/request-shape.middleware';

/**
 * A request's payloads may be several of Temporal's 2 MB payloads, base64 adding a third: the limit is
 * Temporal's own gRPC message limit (4 MB), well above the 100 kB of the API's other routes.
 */
export const CODEC_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** What a browser may send cross-origin: the UI's headers (Temporal's codec client sets X-Namespace). */
const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Namespace';
const PREFLIGHT_MAX_AGE_SECONDS = 600;

const bodies = new WeakMap<Request, unknown>();

/** The parsed JSON body of a /codec request (undefined when it had none). */
export function codecBodyOf(req: Request): unknown {
  return bodies.get(req);
}

/**
 * Express middleware mounted on /codec, ahead of the API's own body parsing:
 * - CORS for the Temporal Web UI's origin only (TEMPORAL_UI_URL), with credentials, so the UI's
 *   "include credentials" requests carry the operator's session cookie; a preflight from any other origin
 *   is refused (403, the one error body);
 * - the body parsed with the codec's limit and kept aside (codecBodyOf), not in `req.body`: it is opaque
 *   base64, in which the request-shape checks of the other routes (BSN-shaped digit runs, nesting) would find
 *   false alarms in ciphertext. The controller validates it field by field instead.
 */
export function codecHttp(temporalUiUrl: string): RequestHandler[] {
  const uiOrigin = new URL(temporalUiUrl).origin;
  const parse = json({
    limit: CODEC_MAX_BODY_BYTES,
    strict: true,
    type: JSON_MEDIA_TYPES,
  });
  const cors = (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.header('origin');
    if (origin === undefined) return next();
    res.vary('Origin');
    const allowed = origin === uiOrigin;
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (req.method !== 'OPTIONS' || req.header('access-control-request-method') === undefined) return next();
    if (!allowed) {
      return next(
        new ApiException(HttpStatus.FORBIDDEN, 'CORS_ORIGIN_REFUSED', 'This origin may not call the codec'),
      );
    }
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
    res.status(HttpStatus.NO_CONTENT).end();
  };
  const keepAside = (req: Request, _res: Response, next: NextFunction): void => {
    bodies.set(req, req.body);
    req.body = undefined;
    next();
  };
  return [cors, parse, keepAside];
}
