import 'reflect-metadata';
import {
  Body,
  CanActivate,
  Controller,
  ExecutionContext,
  Get,
  HttpCode,
  Injectable,
  Module,
  Param,
  Post,
  UnauthorizedException,
  UseGuards,
  type INestApplication,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { trajectoryView, type TrajectoryView } from '@app/domain';
import { submitted, T0 } from '../../libs/domain/testing/trajectory-fixtures';
import { apiValidationPipe } from '../../apps/api/src/common/validation-pipe';
import { SubmitPlanDto } from '../../apps/api/src/trajectories/dto/plan.dto';

/** The two HTTP adapters Nest offers; the API runs on Express. */
export type AdapterKind = 'express' | 'fastify';
export const ADAPTERS: readonly AdapterKind[] = ['express', 'fastify'];

/** The key the load generator sends; the guard compares it as the API's key check does, on a header. */
export const BENCH_API_KEY = 'bench-adapter-key';

/** A real view of a submitted youth plan, as the API answers a command (a few KB of JSON). */
const VIEW: TrajectoryView = trajectoryView(submitted(), T0);

@Injectable()
class HeaderKeyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const headers = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers;
    if (headers['x-api-key'] !== BENCH_API_KEY) throw new UnauthorizedException();
    return true;
  }
}

/**
 * The API's hot path without what lies behind it: route parameters, the guard, the app's own validation pipe
 * turning the body into the real SubmitPlanDto, and a view serialised back. What differs between the two apps
 * is only the adapter under Nest, so the difference in time and CPU is the adapter's.
 */
@Controller('trajectories')
@UseGuards(HeaderKeyGuard)
class CommandController {
  @Post(':trajectoryId/plan/submit')
  @HttpCode(200)
  submit(@Param('trajectoryId') trajectoryId: string, @Body() body: SubmitPlanDto): TrajectoryView {
    if (!(body instanceof SubmitPlanDto)) throw new Error('the pipe did not transform the body');
    return { ...VIEW, trajectoryId };
  }

  @Get(':trajectoryId')
  view(@Param('trajectoryId') trajectoryId: string): TrajectoryView {
    return { ...VIEW, trajectoryId };
  }
}

@Module({ controllers: [CommandController], providers: [HeaderKeyGuard] })
class AdapterBenchModule {}

/** Starts the app on `kind` at 127.0.0.1:`port`. The Fastify adapter is loaded only when asked for. */
export async function startAdapterApp(kind: AdapterKind, port: number): Promise<INestApplication> {
  let app: INestApplication;
  if (kind === 'fastify') {
    // A development dependency, for this benchmark only (the API itself runs on Express).
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    app = await NestFactory.create(AdapterBenchModule, new FastifyAdapter(), { logger: false });
  } else {
    app = await NestFactory.create(AdapterBenchModule, { logger: false });
  }
  app.useGlobalPipes(apiValidationPipe());
  await app.listen(port, '127.0.0.1');
  return app;
}
