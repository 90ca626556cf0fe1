import { Body, Controller, Get, HttpStatus, Param, Put, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { familyAnswerViolations, OCCASION_ID } from '@app/domain';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiStandardErrors } from '../common/api-docs';
import { ApiErrorBody } from '../common/api-error';
import { ApiException, invalidFields, notFound } from '../common/domain-errors';
import { TrajectoryAccess } from '../trajectories/trajectory-access';
import { TrajectoryGateway } from '../trajectories/trajectory-gateway';
import { FamilySatisfaction, type OccasionWithAnswers } from './family-satisfaction.service';
import { SatisfactionAnswersDto, SatisfactionDto, SatisfactionOccasionDto } from './dto/satisfaction.dto';

/**
 * The family's answers of one trajectory are read by the family itself and by the municipality's people; a
 * provider, whose care is being judged, sees only the figures on the dashboard (a family must not have to
 * answer to the organisation it judges).
 */
const READERS = ['CLIENT', 'LOCAL_TEAM', 'CASE_SYSTEM', 'OPERATOR'] as const;

/**
 * Client satisfaction in the family's own words (cliënttevredenheid, K-O3, issue 18): after each evaluation
 * and at closure the family answers, per result of the plan, whether it went well enough.
 */
@ApiTags('family')
@ApiStandardErrors()
@Controller('trajectories/:trajectoryId/satisfaction')
export class SatisfactionController {
  constructor(
    private readonly answers: FamilySatisfaction,
    private readonly access: TrajectoryAccess,
    private readonly gateway: TrajectoryGateway,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'The occasions the family is asked its satisfaction, and what it answered' })
  @ApiOkResponse({ type: SatisfactionDto })
  async list(
    @Param('trajectoryId') trajectoryId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SatisfactionDto> {
    await this.access.authorize(principal, trajectoryId);
    const now = Date.now();
    return { trajectoryId, occasions: (await this.answers.occasions(trajectoryId)).map((o) => view(o, now)) };
  }

  @Put(':occasion')
  @Roles('CLIENT')
  @ApiOperation({
    summary:
      'The family answers the question of one occasion, per result (final once given; same again is 200)',
  })
  @ApiParam({ name: 'occasion', example: 'evaluation-1', description: '`evaluation-<n>` or `closure`' })
  @ApiCreatedResponse({ type: SatisfactionOccasionDto, description: 'The answers were recorded' })
  @ApiOkResponse({ type: SatisfactionOccasionDto, description: 'The same answers were recorded before' })
  @ApiNotFoundResponse({ type: ApiErrorBody, description: 'No such trajectory or occasion' })
  @ApiConflictResponse({ type: ApiErrorBody, description: 'Already answered otherwise, or past its date' })
  async answer(
    @Param('trajectoryId') trajectoryId: string,
    @Param('occasion') occasionId: string,
    @Body() dto: SatisfactionAnswersDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SatisfactionOccasionDto> {
    await this.access.authorize(principal, trajectoryId);
    const occasion = OCCASION_ID.test(occasionId)
      ? (await this.answers.occasions(trajectoryId)).find((o) => o.id === occasionId)
      : undefined;
    if (!occasion) throw notFound(`satisfaction question ${occasionId}`);
    if (occasion.answers.length === 0 && Date.now() > Date.parse(occasion.openUntil)) {
      throw new ApiException(
        HttpStatus.CONFLICT,
        'QUESTION_CLOSED',
        `This question took answers until ${occasion.openUntil}`,
        { allowedActions: [] },
      );
    }
    const plan = (await this.gateway.state(trajectoryId)).plan;
    const errors = familyAnswerViolations(plan?.results.map((r) => r.id) ?? [], dto.answers);
    if (errors.length > 0) throw invalidFields(errors);
    const outcome = await this.answers.record(trajectoryId, occasion.id, dto.answers, principal.subject);
    const stored = (await this.answers.occasions(trajectoryId)).find((o) => o.id === occasion.id)!;
    if (outcome === 'ALREADY_ANSWERED') {
      throw new ApiException(
        HttpStatus.CONFLICT,
        'ALREADY_ANSWERED',
        `The question ${occasion.id} was answered on ${stored.answeredAt}; answers are final`,
        { allowedActions: [] },
      );
    }
    res.status(outcome === 'RECORDED' ? HttpStatus.CREATED : HttpStatus.OK);
    return view(stored, Date.now());
  }
}

function view(o: OccasionWithAnswers, now: number): SatisfactionOccasionDto {
  return { ...o, open: o.answers.length === 0 && now <= Date.parse(o.openUntil) };
}
