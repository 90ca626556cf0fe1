import { ValidationPipe } from '@nestjs/common';

/**
 * The API's one validation pipe: unknown fields refused (400 naming them), payloads turned into their DTO
 * classes, every field error reported at once. The benchmark of the HTTP adapters (bench/adapters) builds
 * its app with the same pipe, so what it times is what the API runs.
 */
export function apiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
  });
}
