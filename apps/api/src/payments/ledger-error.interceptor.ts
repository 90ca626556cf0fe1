import { HttpStatus } from '@nestjs/common';
import { LedgerError, type LedgerErrorCode } from '@app/ledger';
import { ApiException } from '../common/domain-errors';
import { errorMappingInterceptor } from '../common/error-mapping.interceptor';

const STATUS: Record<LedgerErrorCode, HttpStatus> = {
  INVALID_INPUT: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  INVALID_TRANSITION: HttpStatus.CONFLICT,
  CONFLICT: HttpStatus.CONFLICT,
};

const CODE: Record<LedgerErrorCode, string> = {
  INVALID_INPUT: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  CONFLICT: 'CONFLICT',
};

/** Ledger refusals → ApiException (400/404/409); the global AllExceptionsFilter writes the one error body. */
export function toApiException(error: LedgerError): ApiException {
  return new ApiException(STATUS[error.code], CODE[error.code], error.message);
}

/** Ledger refusals as HTTP answers, on the controllers that use libs/ledger. */
export const LedgerErrorInterceptor = errorMappingInterceptor(LedgerError, toApiException);
