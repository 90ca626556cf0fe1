import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { OidcController } from './oidc.controller';
import { TokenVerifier } from './token-verifier';
import { WebSessions } from './web-sessions';

@Global()
@Module({
  controllers: [OidcController],
  providers: [TokenVerifier, WebSessions, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenVerifier, WebSessions],
})
export class AuthModule {}
