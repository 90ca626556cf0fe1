import type { Actor } from '../shared/actor';
import type { BreakthroughDecision } from './breakthrough-decision';
import type { BreakthroughDocket } from './breakthrough-docket';

/**
 * OPEN: waiting for the table. OVERDUE: still waiting, past the table's deadline (§7.6; decisions.md 10: it
 * keeps waiting, never approved by default). PROVISIONAL: a provisional start was authorised and the
 * settlement is owed (decisions.md 3); an overdue settlement keeps this status and sets the `overdue` flag,
 * so that it still remembers it is one. DECIDED / WITHDRAWN: ended.
 */
export type BreakthroughCaseStatus = 'OPEN' | 'OVERDUE' | 'PROVISIONAL' | 'DECIDED' | 'WITHDRAWN';

/** Whether the case still waits for the table's decision. */
export function isLiveCase(status: BreakthroughCaseStatus): boolean {
  return status === 'OPEN' || status === 'OVERDUE' || status === 'PROVISIONAL';
}

/**
 * One case at the breakthrough table (doorbraaktafel, domain.md §4, §7.6 `BreakthroughCaseWorkflow`),
 * plain JSON like the trajectory state.
 */
export interface BreakthroughCaseState {
  schemaVersion: 1;
  docket: BreakthroughDocket;
  status: BreakthroughCaseStatus;
  deadlineAt: string;
  reminderAt: string;
  reminderSent: boolean;
  /** Past its deadline and still waiting (decisions.md 10: the table never approves by default). */
  overdue: boolean;
  chairRef?: string;
  memberRefs: string[];
  decisions: { decision: BreakthroughDecision; decidedAt: string }[];
  auditSeq: number;
  createdAt: string;
  updatedAt: string;
  endedAt?: string;
}

/** The updates of §7.6: `assign`, `recordDecision`, `withdraw`. */
export type BreakthroughCaseCommand =
  | { type: 'assign'; actor: Actor; chairRef: string; memberRefs?: string[] }
  | { type: 'recordDecision'; decision: BreakthroughDecision }
  | { type: 'withdraw'; actor: Actor; reason: 'PROVIDER_STARTED' | 'TRAJECTORY_CLOSED' | 'OTHER' };

export type BreakthroughCaseEffect =
  | {
      kind: 'AUDIT';
      escalationId: string;
      trajectoryId: string;
      seq: number;
      type: string;
      actor: Actor;
      at: string;
      details: Record<string, string | number | boolean | null | string[]>;
    }
  | {
      kind: 'NOTIFY';
      escalationId: string;
      trajectoryId: string;
      topic: 'CASE_OPENED' | 'TABLE_REMINDER' | 'TABLE_OVERDUE' | 'CASE_ASSIGNED';
      audience: 'BREAKTHROUGH_TABLE' | 'CONTRACT_MANAGEMENT';
      ids: Record<string, string>;
    }
  /** Hand the decision to the parent trajectory (applyBreakthroughDecision); `final` ends this case. */
  | {
      kind: 'DECISION_RECORDED';
      escalationId: string;
      trajectoryId: string;
      decision: BreakthroughDecision;
      final: boolean;
    };

export interface BreakthroughCaseTransition {
  state: BreakthroughCaseState;
  effects: BreakthroughCaseEffect[];
}
