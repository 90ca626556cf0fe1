/**
 * The notices a person can get by mail: the trajectory's notify topics (the domain's NotifyTopic) and the
 * breakthrough table's case notices (doorbraaktafel). Each has its words in notice-wording.ts.
 */
export const MAIL_TOPICS = [
  'PLAN_SUBMITTED',
  'PLAN_FULLY_SIGNED',
  'CHANGES_REQUESTED',
  'PLAN_REJECTED',
  'DECISION_ISSUED',
  'ESCALATED',
  'BREAKTHROUGH_DECIDED',
  'PROVIDER_START_OVERDUE',
  'EVALUATION_DUE',
  'EVALUATION_OVERDUE',
  'REASSESSMENT_DUE',
  'ARRANGEMENT_CHANGE_REQUESTED',
  'ARRANGEMENT_CHANGE_DECIDED',
  'TRAJECTORY_CLOSED',
  'LEAD_PROVIDER_CHOSEN',
  'EVALUATION_PROPOSED',
  'DEADLINE_APPROACHING',
  'WAIT_OVERDUE',
  'CASE_OPENED',
  'CASE_ASSIGNED',
  'TABLE_REMINDER',
  'TABLE_OVERDUE',
] as const;

export type MailTopic = (typeof MAIL_TOPICS)[number];

export function isMailTopic(topic: string): topic is MailTopic {
  return (MAIL_TOPICS as readonly string[]).includes(topic);
}
