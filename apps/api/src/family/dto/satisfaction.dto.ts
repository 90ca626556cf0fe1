import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, Matches, ValidateNested } from 'class-validator';
import { FAMILY_ANSWERS, type FamilyAnswer } from '@app/domain';
import { REF, REF_MESSAGE } from '../../trajectories/dto/ids';

/** The family's answer for one result of the plan: did it go well enough ("voldoende/positief")? */
export class ResultAnswerDto {
  @ApiProperty({ example: 'r1', description: 'A result id of the plan' })
  @Matches(REF, { message: `resultId ${REF_MESSAGE}` })
  resultId: string;
  @ApiProperty({ enum: FAMILY_ANSWERS })
  @IsIn(FAMILY_ANSWERS)
  answer: FamilyAnswer;
}

/** The family's answers of one occasion (K-O3); results may be left out, at least one is answered. */
export class SatisfactionAnswersDto {
  @ApiProperty({ type: [ResultAnswerDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ResultAnswerDto)
  answers: ResultAnswerDto[];
}

export class SatisfactionOccasionDto {
  @ApiProperty({ example: 'evaluation-1', description: '`evaluation-<n>` or `closure`' })
  id: string;
  @ApiProperty({ enum: ['EVALUATION', 'CLOSURE'] })
  kind: string;
  @ApiProperty({ format: 'date-time', description: 'When the family was asked' })
  at: string;
  @ApiPropertyOptional({ type: 'integer' })
  evaluationNumber?: number;
  @ApiProperty({ format: 'date-time', description: 'Answers are taken until then' })
  openUntil: string;
  @ApiProperty({ description: 'The family can answer now: not answered yet and not past openUntil' })
  open: boolean;
  @ApiProperty({ type: [ResultAnswerDto] })
  answers: ResultAnswerDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt: string | null;
}

export class SatisfactionDto {
  @ApiProperty() trajectoryId: string;
  @ApiProperty({ type: [SatisfactionOccasionDto] })
  occasions: SatisfactionOccasionDto[];
}
