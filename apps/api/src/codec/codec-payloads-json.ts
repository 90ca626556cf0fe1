import { HttpStatus } from '@nestjs/common';
import type { Payload } from '@temporalio/common';
import type { FieldError } from '../common/api-error';
import { ApiException } from '../common/domain-errors';
import type { CodecPayloadDto, CodecPayloadsDto } from './codec.dto';

/**
 * Protobuf JSON for bytes: standard or URL-safe base64, padding optional (proto3 JSON mapping). Node's own
 * decoder skips characters it does not know, so the text is checked before it is decoded.
 */
const BASE64 = /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$/;

/** More than any history event carries; bounds the work of one request. */
const MAX_PAYLOADS = 1000;
const MAX_ERRORS = 20;

/** The payloads of a `{ "payloads": [...] }` body, or a 400 naming every field that is wrong. */
export function payloadsFromJson(body: unknown): Payload[] {
  if (!isRecord(body) || !Array.isArray(body.payloads)) {
    throw invalid([{ field: 'payloads', message: 'payloads must be an array of {metadata, data}' }]);
  }
  if (body.payloads.length > MAX_PAYLOADS) {
    throw invalid([{ field: 'payloads', message: `at most ${MAX_PAYLOADS} payloads per request` }]);
  }
  const errors: FieldError[] = [];
  const payloads = body.payloads.map((item: unknown, i) => payloadFromJson(item, `payloads.${i}`, errors));
  if (errors.length > 0) throw invalid(errors.slice(0, MAX_ERRORS));
  return payloads;
}

export function payloadsToJson(payloads: Payload[]): CodecPayloadsDto {
  return {
    payloads: payloads.map((p) => {
      const json: CodecPayloadDto = {
        metadata: Object.fromEntries(
          Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
        ),
      };
      // Empty bytes are left out, as protobuf's JSON mapping does (a null payload has no data).
      if (p.data && p.data.length > 0) json.data = Buffer.from(p.data).toString('base64');
      return json;
    }),
  };
}

function payloadFromJson(item: unknown, field: string, errors: FieldError[]): Payload {
  if (!isRecord(item)) {
    errors.push({ field, message: `${field} must be an object {metadata, data}` });
    return {};
  }
  const metadata: [string, Uint8Array][] = [];
  if (item.metadata !== undefined && item.metadata !== null) {
    if (!isRecord(item.metadata))
      errors.push({ field: `${field}.metadata`, message: 'metadata must be an object' });
    else {
      for (const [name, value] of Object.entries(item.metadata)) {
        const bytes = base64(value, `${field}.metadata.${name}`, errors);
        if (bytes) metadata.push([name, bytes]);
      }
    }
  }
  const data =
    item.data === undefined || item.data === null
      ? new Uint8Array(0)
      : base64(item.data, `${field}.data`, errors);
  return { metadata: Object.fromEntries(metadata), data };
}

function base64(value: unknown, field: string, errors: FieldError[]): Uint8Array | undefined {
  if (typeof value !== 'string' || !BASE64.test(value)) {
    errors.push({ field, message: `${field} must be base64` });
    return undefined;
  }
  return new Uint8Array(Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(errors: FieldError[]): ApiException {
  return new ApiException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'The request has invalid fields', {
    errors,
  });
}
