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
import { familyAnswerViolations, OCCASION_ID, type ResultAnswer } from '@app/domain';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiStandardErrors } from '../common/api-docs';
import { ApiErrorBody } from '../common/api-error';
import { ApiException, invalidFields, notFound } from '../common/domain-errors';
import { TrajectoryAccess } from '../trajectories/trajectory-access';
import { FAMILY_READERS } from './family.controller';
import { FamilyViews } from './family-view.service';
import { FamilySatisfaction, type OccasionWithAnswers } from './family-satisfaction.service';
import { SatisfactionAnswersDto, SatisfactionDto, SatisfactionOccasionDto } from './dto/satisfaction.dto';

/**
 * The family's answers of one trajectory are read by the family itself and by the municipality's people; a
 * provider, whose care is being judged, sees only the figures on the dashboard (a family must not have to
 * answer to the organisation it judges).
 */
const READERS = FAMILY_READERS;

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
    private readonly views: FamilyViews,
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
    // An answered question is settled in PostgreSQL alone: a retry gets its answer even with Temporal away.
    if (occasion.answers.length > 0) {
      if (!sameAnswers(occasion.answers, dto.answers)) throw alreadyAnswered(occasion);
      res.status(HttpStatus.OK);
      return view(occasion, Date.now());
    }
    if (Date.now() > Date.parse(occasion.openUntil)) {
      throw new ApiException(
        HttpStatus.CONFLICT,
        'QUESTION_CLOSED',
        `This question took answers until ${occasion.openUntil}`,
        { allowedActions: [] },
      );
    }
    const errors = familyAnswerViolations(await this.views.resultIds(trajectoryId), dto.answers);
    if (errors.length > 0) throw invalidFields(errors);
    const outcome = await this.answers.record(trajectoryId, occasion.id, dto.answers, principal.subject);
    const stored = (await this.answers.occasions(trajectoryId)).find((o) => o.id === occasion.id)!;
    // Answered meanwhile (a double click): the same answers are that answer, others are refused.
    if (outcome === 'ALREADY_ANSWERED' && !sameAnswers(stored.answers, dto.answers))
      throw alreadyAnswered(stored);
    res.status(outcome === 'RECORDED' ? HttpStatus.CREATED : HttpStatus.OK);
    return view(stored, Date.now());
  }
}

function alreadyAnswered(o: OccasionWithAnswers): ApiException {
  return new ApiException(
    HttpStatus.CONFLICT,
    'ALREADY_ANSWERED',
    `The question ${o.id} was answered on ${o.answeredAt}; answers are final`,
    { allowedActions: [] },
  );
}

function sameAnswers(given: readonly ResultAnswer[], asked: readonly ResultAnswer[]): boolean {
  return (
    given.length === asked.length &&
    asked.every((a) => given.some((g) => g.resultId === a.resultId && g.answer === a.answer))
  );
}

function view(o: OccasionWithAnswers, now: number): SatisfactionOccasionDto {
  return { ...o, open: o.answers.length === 0 && now <= Date.parse(o.openUntil) };
}
