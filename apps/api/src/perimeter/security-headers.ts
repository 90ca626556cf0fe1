import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every response (helmet): HSTS, nosniff, no referrer, no framing, no `X-Powered-By`, and
 * a Content-Security-Policy that allows nothing for the API's JSON. The OpenAPI page gets the policy its UI
 * needs (its own scripts and styles); the people pages set their own self-only policy (web/).
 */
export function securityHeaders(): RequestHandler[] {
  const common = {
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' as const },
    frameguard: { action: 'deny' as const },
  };
  const api = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
  });
  const docs = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  return [(req, res, next) => (/^\/docs(\/|$)/.test(req.path) ? docs(req, res, next) : api(req, res, next))];
}
