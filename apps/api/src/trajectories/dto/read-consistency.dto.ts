import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { READ_CONSISTENCIES, type ReadConsistency } from '../trajectory-reader';

/** `?consistency=` of the single-trajectory reads (issue 20; apps/api/src/trajectories/trajectory-reader.ts). */
export class ReadConsistencyQueryDto {
  @ApiPropertyOptional({
    enum: READ_CONSISTENCIES,
    default: 'read-model',
    description:
      'read-model (default): from PostgreSQL, current with every completed workflow task (a command you sent ' +
      'is in it when its answer reaches you). live: a query to the workflow itself, always current, costlier.',
  })
  @IsOptional()
  @IsIn(READ_CONSISTENCIES)
  consistency?: ReadConsistency;
}
