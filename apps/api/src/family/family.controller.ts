import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiStandardErrors } from '../common/api-docs';
import { FamilyViewDto } from './dto/family-view.dto';
import { FamilyViews, type FamilyView } from './family-view.service';

/** The family reads its own plan here; the municipality's people may read what the family sees. */
export const FAMILY_READERS = ['CLIENT', 'LOCAL_TEAM', 'CASE_SYSTEM', 'OPERATOR'] as const;

@ApiTags('family')
@ApiStandardErrors()
@Controller('trajectories/:trajectoryId/family')
export class FamilyController {
  constructor(private readonly views: FamilyViews) {}

  @Get()
  @Roles(...FAMILY_READERS)
  @ApiOperation({
    summary:
      "The family's view of its trajectory: results, who does what, next evaluation, what it may do now",
  })
  @ApiOkResponse({ type: FamilyViewDto })
  view(
    @Param('trajectoryId') trajectoryId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FamilyView> {
    return this.views.view(principal, trajectoryId);
  }
}
