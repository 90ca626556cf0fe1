import { HttpStatus } from '@nestjs/common';
import { RegisterError, type RegisterErrorCode } from '@app/register';
import { ApiException } from '../common/domain-errors';
import { errorMappingInterceptor } from '../common/error-mapping.interceptor';

const STATUS: Record<RegisterErrorCode, HttpStatus> = {
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  RULE_VIOLATION: HttpStatus.UNPROCESSABLE_ENTITY,
};

const CODE: Record<RegisterErrorCode, string> = {
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RULE_VIOLATION: 'DOMAIN_RULE_VIOLATION',
};

/** Register refusals → 404/409/422 with the field at fault; the global filter writes the one error body. */
export function toApiException(error: RegisterError): ApiException {
  return new ApiException(
    STATUS[error.code],
    CODE[error.code],
    error.message,
    error.field !== undefined ? { errors: [{ field: error.field, message: error.message }] } : {},
  );
}

/** Register refusals as HTTP answers, on the controllers that use libs/register. */
export const RegisterErrorInterceptor = errorMappingInterceptor(RegisterError, toApiException);
