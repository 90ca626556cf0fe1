import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { STAFF_ROLES } from '@app/contracts';
import { RegionDirectory, type RegionView } from '@app/register';
import { Roles } from '../auth/decorators';
import { ApiErrorBody } from '../common/api-error';
import { RegionDto } from './dto/region.dto';
import { RegisterErrorInterceptor } from './register-error.interceptor';

/** The regions (regio's) as data: municipalities by CBS code, payment split and the published policy. */
@ApiTags('regions')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseInterceptors(RegisterErrorInterceptor)
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionDirectory) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Every region with its municipalities, payment split and policy' })
  @ApiOkResponse({ type: [RegionDto] })
  list(): Promise<RegionView[]> {
    return this.regions.list();
  }

  @Get(':regionId')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'One region: the policy a trajectory started there today freezes' })
  @ApiParam({ name: 'regionId', example: 'FRIESLAND' })
  @ApiOkResponse({ type: RegionDto })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  get(@Param('regionId') regionId: string): Promise<RegionView> {
    return this.regions.get(regionId);
  }
}
