import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { respondWithError } from './error-response';

/** Errors thrown by controllers, guards, pipes and interceptors: the one error body (error-response.ts). */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    respondWithError(exception, http.getRequest<Request>(), http.getResponse<Response>());
  }
}
