import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldError {
  @ApiProperty({ example: 'domain' })
  field: string;

  @ApiProperty({ example: 'domain must be one of the following values: WMO, JEUGD' })
  message: string;
}

/** The one error body every endpoint answers with (400, 401, 403, 404, 409, 422, 503, 500). */
export class ApiErrorBody {
  @ApiProperty({ example: 409 })
  statusCode: number;

  @ApiProperty({ example: 'INVALID_TRANSITION', description: 'Stable machine-readable code' })
  code: string;

  @ApiProperty({ example: 'approvePlan is not allowed while the trajectory is DRAFTING' })
  message: string;

  @ApiProperty({ example: '5b0e3c1e-8a55-4a0a-9a39-2f4f3f4b1c11' })
  requestId: string;

  @ApiPropertyOptional({ type: [FieldError] })
  errors?: FieldError[];

  @ApiPropertyOptional({ example: 'DRAFTING', description: 'Current state (409 only)' })
  currentStatus?: string;

  @ApiPropertyOptional({ example: ['submitPlan', 'withdraw'], description: 'Actions allowed now (409 only)' })
  allowedActions?: string[];

  @ApiPropertyOptional({
    example: 1,
    description: 'Seconds to wait before retrying (429, 503; also the Retry-After header)',
  })
  retryAfterSeconds?: number;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    description: 'Chain messages: the iJw/iWmo retour codes of the refusal (code, text, about, detail)',
  })
  retour?: { code: string; text: string; about?: string; detail?: string }[];

  @ApiPropertyOptional({ description: 'Health checks only: the state of each dependency' })
  details?: Record<string, unknown>;
}
