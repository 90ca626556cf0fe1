import type { INestApplication } from '@nestjs/common';
import {
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ResponseObject,
} from '@nestjs/swagger';
import { ROLES_EXTENSION } from '../auth/decorators';
import { describeRoles } from '../common/api-docs';
import { RATE_LIMIT_EXEMPT } from '../perimeter/address-limit.middleware';
import { ApiErrorBody } from '../common/api-error';
import { addLifecycleLinks } from './lifecycle-links';
import { schemaExtrasByName } from './schema-extras';
import { documentValidationRules } from './validation-rules';

/**
 * The OpenAPI document as the contract (checked by Schemathesis in test/api-fuzz.e2e.test.ts): the request
 * schemas carry the validation rules themselves (validation-rules.ts), and a few rules that hold for every
 * route are applied here once, from what each operation declares, instead of by hand on each of them.
 */
export function createApiDocument(
  app: INestApplication,
  config: Omit<OpenAPIObject, 'paths'>,
): OpenAPIObject {
  const requestSchemas = documentValidationRules();
  const document = describeRoles(SwaggerModule.createDocument(app, config, { extraModels: [ApiErrorBody] }));
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations) as [string, OperationObject][]) {
      securityByRoles(operation);
      errorResponses(operation, method, path);
      textBodies(operation);
      plainPathParameters(operation);
    }
  }
  closeRequestSchemas(document, requestSchemas);
  optionalBodies(document);
  addLifecycleLinks(document);
  return document;
}

/** An API key acts as CASE_SYSTEM (auth/token-verifier.ts), so only operations open to that role name it. */
function securityByRoles(operation: OperationObject): void {
  const roles = (operation as unknown as Record<string, unknown>)[ROLES_EXTENSION];
  if (!Array.isArray(roles)) {
    delete operation.security;
    return;
  }
  operation.security = [{ bearer: [] }, ...(roles.includes('CASE_SYSTEM') ? [{ 'api-key': [] }] : [])];
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input, with field errors (also a malformed body, path or query)',
  401: 'No valid token or API key',
  403: 'Your role or scope may not do this',
  404: 'Unknown, or not visible to you',
  409: 'The current state forbids this, or a request with this Idempotency-Key is still running',
  413: 'The request body is too large',
  415: 'The request body is not JSON',
  422: 'A domain rule is broken, or the Idempotency-Key was used for another request',
  429: 'Too many requests (from your address, for you, or in flight on this trajectory); wait Retry-After seconds',
  503: 'The workflow engine or the database is unavailable; retry',
};

/**
 * The error responses an operation can give, by what it has: every request can be malformed (400) and, health
 * checks aside, be one too many (429, perimeter/rate-limits.ts); an authenticated one can lack or exceed its
 * credentials (401, 403) and meet an outage (503); a path with a
 * parameter can name nothing (404); a POST, PUT or PATCH can carry a body too large or not JSON (413, 415), and an
 * authenticated POST an Idempotency-Key that is busy or reused (409, 422; common/idempotency.interceptor.ts).
 * Every error is the one JSON body, whatever the operation's success content is (a CSV, a page).
 */
function errorResponses(operation: OperationObject, method: string, path: string): void {
  const authenticated = (operation.security ?? []).length > 0;
  const codes = [400];
  if (!RATE_LIMIT_EXEMPT.test(path)) codes.push(429);
  if (authenticated) codes.push(401, 403, 503);
  if (path.includes('{')) codes.push(404);
  if (method === 'post' || method === 'put' || method === 'patch') codes.push(413, 415);
  if (authenticated && method === 'post') codes.push(409, 422);
  const responses = operation.responses;
  for (const code of codes) responses[code] ??= { description: ERROR_DESCRIPTIONS[code] };
  for (const [code, response] of Object.entries(responses) as [string, ResponseObject][]) {
    if (Number(code) < 400) continue;
    response.description ||= ERROR_DESCRIPTIONS[Number(code)] ?? 'Error';
    response.content = { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorBody' } } };
  }
}

/** A text/* success body (a CSV file, a page, the metrics) is a string, whatever JSON schema it shares. */
function textBodies(operation: OperationObject): void {
  for (const [code, response] of Object.entries(operation.responses) as [string, ResponseObject][]) {
    if (Number(code) >= 400) continue;
    for (const [type, media] of Object.entries(response.content ?? {})) {
      if (type.startsWith('text/')) media.schema = { type: 'string' };
    }
  }
}

/**
 * A path segment never holds control characters: common/request-shape.middleware.ts refuses them (400) before
 * any route, so a path parameter without a pattern of its own is documented with that rule.
 */
const NO_CONTROL_CHARACTERS = '^[^\\u0000-\\u001f\\u007f]+$';

function plainPathParameters(operation: OperationObject): void {
  for (const parameter of operation.parameters ?? []) {
    if ('$ref' in parameter || parameter.in !== 'path' || !parameter.schema || '$ref' in parameter.schema)
      continue;
    parameter.schema.pattern ??= NO_CONTROL_CHARACTERS;
  }
}

/** The ValidationPipe forbids properties a request class does not declare (forbidNonWhitelisted). */
function closeRequestSchemas(document: OpenAPIObject, requestSchemas: Set<string>): void {
  const schemas = document.components?.schemas ?? {};
  const extras = schemaExtrasByName();
  for (const name of requestSchemas) {
    const schema = schemas[name];
    if (schema && !('$ref' in schema))
      Object.assign(schema, { additionalProperties: false }, extras.get(name));
  }
}

/** A body whose class requires nothing may be left out: the route then acts on its defaults. */
function optionalBodies(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as OperationObject[]) {
      const body = operation.requestBody;
      if (!body || '$ref' in body) continue;
      const ref = body.content['application/json']?.schema;
      const name = ref && '$ref' in ref ? ref.$ref.split('/').pop()! : undefined;
      const schema = name ? schemas[name] : undefined;
      if (schema && !('$ref' in schema) && (schema.required ?? []).length === 0) body.required = false;
    }
  }
}
