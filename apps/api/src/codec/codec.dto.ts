import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A Temporal Payload in protobuf's JSON form: bytes as base64 (Temporal's remote codec protocol). */
export class CodecPayloadDto {
  // null reads as absent, as in protobuf's JSON mapping (codec-payloads-json.ts): the document says so.
  @ApiPropertyOptional({
    type: 'object',
    nullable: true,
    additionalProperties: { type: 'string', format: 'byte' },
    description:
      'Metadata name → base64 bytes, e.g. encoding (json/plain, binary/encrypted), encryption-key-id',
    example: { encoding: 'YmluYXJ5L2VuY3J5cHRlZA==', 'encryption-key-id': 'cHJvZC0yMDI2LTAx' },
  })
  metadata?: Record<string, string>;

  @ApiPropertyOptional({
    type: 'string',
    format: 'byte',
    nullable: true,
    description: 'The payload bytes in base64',
  })
  data?: string;
}

/** The body of /codec/encode and /codec/decode, both ways: `{ payloads: [...] }`. */
export class CodecPayloadsDto {
  @ApiProperty({ type: [CodecPayloadDto] })
  payloads: CodecPayloadDto[];
}

/** The answer of POST /codec/session: until when the cookie authenticates, and where to point the UI. */
export class CodecSessionDto {
  @ApiProperty({ example: '2026-12-06T16:00:00.000Z', description: 'The cookie expires with the token' })
  expiresAt: string;

  @ApiProperty({
    example: 'http://127.0.0.1:3000/codec',
    description: 'Codec endpoint for the Temporal Web UI (its "Codec Server" setting)',
  })
  codecEndpoint: string;
}
