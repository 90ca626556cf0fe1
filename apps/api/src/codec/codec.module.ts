import { Module } from '@nestjs/common';
import { CodecSessionController } from './codec-session.controller';
import { CodecController } from './codec.controller';

/**
 * The codec server for operators' Temporal Web UI (README "Payload encryption"); the codec itself is the
 * Temporal client's (PAYLOAD_CODEC), and the CORS and body handling of /codec are in codec-http.middleware.ts.
 */
@Module({ controllers: [CodecController, CodecSessionController] })
export class CodecModule {}
