import {
  applyDecorators,
  Controller,
  createParamDecorator,
  ExecutionContext,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { Request } from 'express';
import { PayloadCodecError, UnknownPayloadKeyError } from '@app/codec';
import { Roles } from '../auth/decorators';
import { AcceptsSessionCookie } from '../auth/session-cookie';
import { ApiErrorBody } from '../common/api-error';
import { ApiException } from '../common/domain-errors';
import { PAYLOAD_CODEC } from '../temporal/temporal-client.module';
import { codecBodyOf } from './codec-http.middleware';
import { payloadsFromJson, payloadsToJson } from './codec-payloads-json';
import { CodecPayloadsDto } from './codec.dto';

/** The cookie POST /codec/session sets (codec-session.controller.ts). */
export const CODEC_SESSION_COOKIE = 'codec_session';

const CodecBody = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  codecBodyOf(ctx.switchToHttp().getRequest<Request>()),
);

/** What both codec operations share: operators only, cookie or bearer, the protocol's body both ways. */
function CodecOperation(summary: string, description: string) {
  return applyDecorators(
    HttpCode(200),
    Roles('OPERATOR'),
    AcceptsSessionCookie(CODEC_SESSION_COOKIE),
    ApiOperation({ summary, description }),
    ApiHeader({ name: 'X-Namespace', required: false, description: 'Sent by the Temporal UI; not used' }),
    ApiBody({ type: CodecPayloadsDto }),
    ApiOkResponse({ type: CodecPayloadsDto }),
    ApiBadRequestResponse({
      type: ApiErrorBody,
      description:
        'Not {payloads: [...]}, bad base64, or a payload that cannot be decrypted (unknown key id)',
    }),
    ApiUnauthorizedResponse({ type: ApiErrorBody, description: 'No valid token or codec session cookie' }),
    ApiForbiddenResponse({ type: ApiErrorBody, description: 'Only operators may use the codec' }),
  );
}

/**
 * Temporal's remote codec protocol (docs.temporal.io "Codec Server"), for operators in the Temporal Web UI:
 * the payloads of a history arrive encrypted (libs/codec) and are decrypted here, with the keys the apps use,
 * for OPERATOR callers only. The UI authenticates with a bearer token (its "pass access token", HTTPS only)
 * or with the session cookie of POST /codec/session (its "include cross-origin credentials").
 */
@ApiTags('codec')
@ApiBearerAuth()
@Controller('codec')
export class CodecController {
  constructor(@Inject(PAYLOAD_CODEC) private readonly codec: PayloadCodec) {}

  @Post('encode')
  @CodecOperation(
    'Encode payloads as the apps do (encrypt with the current key)',
    'Remote codec protocol, encode: the payloads encrypted with the first key of PAYLOAD_KEYS.',
  )
  async encode(@CodecBody() body: unknown): Promise<CodecPayloadsDto> {
    return payloadsToJson(await this.codec.encode(payloadsFromJson(body)));
  }

  @Post('decode')
  @CodecOperation(
    'Decode payloads of a workflow history (decrypt) for the Temporal Web UI',
    'Remote codec protocol, decode: encrypted payloads decrypted with the key their metadata names; plain ' +
      'payloads (histories from before encryption) come back unchanged.',
  )
  async decode(@CodecBody() body: unknown): Promise<CodecPayloadsDto> {
    const payloads = payloadsFromJson(body);
    const decoded: Payload[] = [];
    // One by one, so a payload that cannot be decrypted is named by its index.
    for (const [i, payload] of payloads.entries()) {
      try {
        decoded.push(...(await this.codec.decode([payload])));
      } catch (error) {
        if (!(error instanceof PayloadCodecError)) throw error;
        throw new ApiException(
          HttpStatus.BAD_REQUEST,
          error instanceof UnknownPayloadKeyError ? 'UNKNOWN_PAYLOAD_KEY' : 'PAYLOAD_NOT_DECRYPTABLE',
          error.message,
          { errors: [{ field: `payloads.${i}`, message: error.message }] },
        );
      }
    }
    return payloadsToJson(decoded);
  }
}
