import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { codecOptions, EncryptionCodec, KeyRing } from '@app/codec';
import { AppConfig } from '@app/config';
import { APP_CONFIG } from '@app/platform';
import { InFlightTemporalCalls } from './in-flight-calls';

/** Longer than a gateway call's own deadline, so a drained call has ended either way. */
const DRAIN_BOUND_MS = 20_000;

export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
/** The payload codec of the client, also served to operators' Temporal Web UI (POST /codec/decode). */
export const PAYLOAD_CODEC = Symbol('PAYLOAD_CODEC');

/** The Temporal client as plain factory providers (Connection → Client); the connection closes on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CONNECTION,
      inject: [APP_CONFIG],
      // Lazy: the API starts (and reports Temporal as down on /health, 503 on calls) while Temporal is away.
      useFactory: (config: AppConfig) => Connection.lazy({ address: config.temporal.address }),
    },
    {
      provide: PAYLOAD_CODEC,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new EncryptionCodec(new KeyRing(config.payloadKeys), codecOptions(config)),
    },
    {
      provide: TEMPORAL_CLIENT,
      inject: [TEMPORAL_CONNECTION, APP_CONFIG, PAYLOAD_CODEC],
      useFactory: (connection: Connection, config: AppConfig, codec: EncryptionCodec) =>
        new Client({
          connection,
          namespace: config.temporal.namespace,
          // Inputs, updates and query results encrypted on the way to Temporal, decrypted on the way back.
          dataConverter: { payloadCodecs: [codec] },
        }),
    },
    InFlightTemporalCalls,
  ],
  exports: [TEMPORAL_CLIENT, TEMPORAL_CONNECTION, PAYLOAD_CODEC, InFlightTemporalCalls],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
    private readonly inFlight: InFlightTemporalCalls,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    // The calls under way finish first (each has its own deadline); then the connection closes.
    await this.inFlight.drain(DRAIN_BOUND_MS);
    await this.connection.close();
  }
}
