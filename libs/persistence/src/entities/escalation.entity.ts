import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Read model of escalations for the breakthrough table's docket (doorbraaktafel, domain.md §4.6):
 * trigger, who raised it and when, deadline, round count, arrangement asked vs offered, and the decision.
 */
@Entity({ name: 'escalation' })
export class EscalationEntity {
  @PrimaryColumn({ name: 'escalation_id', type: 'varchar', length: 240 })
  escalationId: string;

  @Column({ name: 'trajectory_id', type: 'varchar', length: 200 })
  trajectoryId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ name: 'municipality_code', type: 'varchar', length: 64 })
  municipalityCode: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 64, nullable: true })
  providerId: string | null;

  @Column({ type: 'varchar', length: 40 })
  trigger: string;

  @Column({ type: 'varchar', length: 16 })
  context: string;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ name: 'raised_by_role', type: 'varchar', length: 40 })
  raisedByRole: string;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  @Column({ name: 'deadline_at', type: 'timestamptz' })
  deadlineAt: Date;

  @Column({ name: 'reminder_at', type: 'timestamptz' })
  reminderAt: Date;

  @Column({ name: 'round_count', type: 'integer', default: 0 })
  roundCount: number;

  @Column({ name: 'plan_version', type: 'integer', nullable: true })
  planVersion: number | null;

  @Column({ name: 'asked_arrangement', type: 'varchar', length: 64, nullable: true })
  askedArrangement: string | null;

  @Column({ name: 'offered_arrangement', type: 'varchar', length: 64, nullable: true })
  offeredArrangement: string | null;

  @Column({ name: 'decision_code', type: 'varchar', length: 40, nullable: true })
  decisionCode: string | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 200, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'rationale_ref', type: 'varchar', length: 200, nullable: true })
  rationaleRef: string | null;

  @Column({ name: 'chair_ref', type: 'varchar', length: 200, nullable: true })
  chairRef: string | null;

  @Column({ name: 'reminder_sent', type: 'boolean', default: false })
  reminderSent: boolean;

  /** Past its deadline and still waiting: the table never approves by default (decisions.md 10). */
  @Column({ type: 'boolean', default: false })
  overdue: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
