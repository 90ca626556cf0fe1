import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from '@app/contracts';
import type { Principal } from './principal';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** No authentication (health, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The OpenAPI extension that lists an operation's roles; the document also says them in words. */
export const ROLES_EXTENSION = 'x-allowed-roles';

/**
 * The roles allowed to call a route (domain.md §3.7). A route without @Roles or @Public is refused. The same
 * list goes into the OpenAPI document, so the guard and the documentation cannot disagree.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension(ROLES_EXTENSION, roles));

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal,
);
