import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Role } from '@app/contracts';
import { Roles, ROLES_EXTENSION } from '../auth/decorators';
import { TrajectoryViewDto } from '../trajectories/dto/trajectory-view.dto';
import { ApiErrorBody } from './api-error';
import { IDEMPOTENCY_KEY } from './idempotency-key';

/** The error responses every authenticated route can give, all with the one error body. */
export function ApiStandardErrors() {
  return applyDecorators(
    ApiBearerAuth(),
    ApiSecurity('api-key'),
    ApiBadRequestResponse({ type: ApiErrorBody, description: 'Invalid input, with field errors' }),
    ApiUnauthorizedResponse({ type: ApiErrorBody, description: 'No valid token or API key' }),
    ApiForbiddenResponse({ type: ApiErrorBody, description: 'Your role may not do this' }),
    ApiNotFoundResponse({ type: ApiErrorBody, description: 'Unknown, or not visible to you' }),
    ApiServiceUnavailableResponse({
      type: ApiErrorBody,
      description: 'Temporal or the database is down; retry',
    }),
  );
}

/** A lifecycle action: POST, allowed to named roles, idempotent with an `Idempotency-Key`, 409/422 documented. */
export function LifecycleAction(path: string, roles: Role[], summary: string, description?: string) {
  return applyDecorators(
    Post(path),
    HttpCode(200),
    Roles(...roles),
    ApiOperation({ summary, ...(description ? { description } : {}) }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Repeat a request safely: the same key returns the first outcome and never acts twice',
      schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
    }),
    ApiOkResponse({ type: TrajectoryViewDto, description: 'The trajectory after the action (live view)' }),
    ApiConflictResponse({ type: ApiErrorBody, description: 'The current state forbids this action' }),
    ApiUnprocessableEntityResponse({ type: ApiErrorBody, description: 'A domain rule is broken' }),
    ApiStandardErrors(),
  );
}

/**
 * Says in every operation's description which roles may call it, from the list @Roles put in its
 * `x-allowed-roles` extension: one rule for all routes, so no operation is documented without its roles.
 */
export function describeRoles(document: OpenAPIObject): OpenAPIObject {
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as { description?: string; [key: string]: unknown }[]) {
      const roles = operation[ROLES_EXTENSION];
      if (!Array.isArray(roles)) continue;
      const line = `Allowed roles: ${roles.join(', ')}.`;
      operation.description = operation.description ? `${operation.description}\n\n${line}` : line;
    }
  }
  return document;
}
