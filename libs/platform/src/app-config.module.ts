import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from '@app/config';

/** Injection token of the validated `AppConfig`. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Reads and validates the environment once, when the module graph is built, so a bad variable stops
 * the process before anything listens or polls.
 */
@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig() }],
  exports: [APP_CONFIG],
})
export class AppConfigModule {}
