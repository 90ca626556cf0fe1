import { Controller, Delete, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import type { AppConfig } from '@app/config';
import { APP_CONFIG } from '@app/platform';
import { Public, Roles } from '../auth/decorators';
import { ApiErrorBody } from '../common/api-error';
import { ApiException } from '../common/domain-errors';
import { codecBodyOf } from './codec-http.middleware';
import { CODEC_SESSION_COOKIE } from './codec.controller';
import { CodecSessionDto } from './codec.dto';

/** A working day at most, whatever the token's own lifetime: the browser forgets the session by then. */
const MAX_SESSION_SECONDS = 12 * 3600;
const COOKIE_PATH = '/codec';

/**
 * How an operator's browser authenticates the Temporal Web UI's codec requests. The local UI has no login of
 * its own, so it has no access token to pass; it can include cookies. POST with the operator's bearer token
 * (e.g. from Swagger UI at /docs, same origin) puts that token into an HttpOnly, SameSite=Strict cookie for
 * /codec only: the UI at 127.0.0.1:8233 is same-site with the API at 127.0.0.1:3000, so its credentialed
 * fetches carry the cookie, and no other route accepts it.
 */
@ApiTags('codec')
@Controller('codec/session')
export class CodecSessionController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Post()
  @HttpCode(200)
  @Roles('OPERATOR')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Open a codec session: the bearer token as an HttpOnly cookie for the Temporal Web UI',
    description:
      'Sets the cookie codec_session (HttpOnly, SameSite=Strict, Path=/codec) until the token expires (12 h at ' +
      'most). In the Temporal UI set the codec endpoint to codecEndpoint and enable "include cross-origin ' +
      'credentials". Takes no body.',
  })
  @ApiOkResponse({ type: CodecSessionDto })
  @ApiBadRequestResponse({ type: ApiErrorBody, description: 'A body was sent' })
  @ApiUnauthorizedResponse({ type: ApiErrorBody, description: 'No valid bearer token' })
  @ApiForbiddenResponse({ type: ApiErrorBody, description: 'Only operators may use the codec' })
  open(@Req() req: Request, @Res({ passthrough: true }) res: Response): CodecSessionDto {
    refuseBody(codecBodyOf(req));
    // The guard let this request in on its Authorization header (the route accepts no cookie).
    const token = (req.header('authorization') ?? '').slice('Bearer '.length).trim();
    const exp = (jwt.decode(token) as { exp?: unknown } | null)?.exp;
    const now = Math.floor(Date.now() / 1000);
    const seconds = Math.max(0, Math.min(typeof exp === 'number' ? exp - now : 0, MAX_SESSION_SECONDS));
    res.setHeader('Set-Cookie', this.cookie(req, token, seconds));
    return {
      expiresAt: new Date((now + seconds) * 1000).toISOString(),
      codecEndpoint: `${req.protocol}://${req.get('host')}${COOKIE_PATH}`,
    };
  }

  @Delete()
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Close the codec session: the cookie is removed' })
  @ApiNoContentResponse({ description: 'The codec_session cookie is cleared' })
  close(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    res.setHeader('Set-Cookie', this.cookie(req, '', 0));
  }

  private cookie(req: Request, value: string, maxAgeSeconds: number): string {
    // Secure wherever the API is served over TLS (production always is, behind its proxy).
    const secure = req.secure || this.config.nodeEnv === 'production';
    return [
      `${CODEC_SESSION_COOKIE}=${value}`,
      `Path=${COOKIE_PATH}`,
      `Max-Age=${maxAgeSeconds}`,
      'HttpOnly',
      'SameSite=Strict',
      ...(secure ? ['Secure'] : []),
    ].join('; ');
  }
}

/** The session takes its token from the header only; anything in the body is a mistake (400, not ignored). */
function refuseBody(body: unknown): void {
  const empty =
    body === undefined ||
    (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0);
  if (!empty) {
    throw new ApiException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'This request takes no body', {
      errors: [{ field: 'body', message: 'send no body' }],
    });
  }
}
