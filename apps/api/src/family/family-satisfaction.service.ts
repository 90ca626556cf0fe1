import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  satisfactionOccasions,
  type FamilyAnswer,
  type ResultAnswer,
  type SatisfactionOccasion,
} from '@app/domain';
import { FamilyAnswers, type RecordAnswersOutcome } from '@app/persistence';
import { satisfactionEventOf } from './satisfaction-events';

/** An occasion of one trajectory with what the family answered (empty until it answers). */
export interface OccasionWithAnswers extends SatisfactionOccasion {
  answers: ResultAnswer[];
  answeredAt: string | null;
}

/** The occasions of a trajectory by the domain's rule, with the family's stored answers. */
@Injectable()
export class FamilySatisfaction {
  private readonly store: FamilyAnswers;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    this.store = new FamilyAnswers(dataSource);
  }

  async occasions(trajectoryId: string): Promise<OccasionWithAnswers[]> {
    const [events, answers] = await Promise.all([
      this.store.events(trajectoryId),
      this.store.answers(trajectoryId),
    ]);
    return satisfactionOccasions(events.map(satisfactionEventOf)).map((o) => {
      const mine = answers.filter((a) => a.occasion === o.id);
      return {
        ...o,
        answers: mine.map((a) => ({ resultId: a.resultId, answer: a.answer as FamilyAnswer })),
        answeredAt: mine[0]?.answeredAt ?? null,
      };
    });
  }

  record(
    trajectoryId: string,
    occasion: string,
    answers: readonly ResultAnswer[],
    answeredBy: string,
  ): Promise<RecordAnswersOutcome> {
    return this.store.record(trajectoryId, occasion, answers, answeredBy);
  }
}
