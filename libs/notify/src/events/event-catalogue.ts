/**
 * The catalogue of lifecycle events (issue 16): every state change of a trajectory or of its
 * breakthrough-table case (doorbraaktafel) and every notice the lifecycle raises becomes an event with a
 * versioned type name. Receivers subscribe by these names; the OpenAPI document's `webhooks` section lists one
 * schema per name (apps/api/src/openapi/event-webhooks.ts). A new audit type or notice topic in the domain must
 * be added here: `event-catalogue.spec.ts` reads the domain's sources and fails otherwise.
 *
 * Names: `trajectory.<audit type>.v1` for the trajectory's own transitions, `breakthrough-case.<type>.v1` for
 * the table case's, `notice.<topic>.v1` for the messages to a role. Version 1 is the first shape; a change
 * that breaks receivers gets `.v2` beside it, never a silent change of `.v1`.
 */
export type EventFamily = 'state-change' | 'notice' | 'chain-message';

export interface CatalogueEntry {
  /** The versioned event type, e.g. `trajectory.plan-approved.v1`. */
  type: string;
  family: EventFamily;
  /** The audit type or notice topic it comes from. */
  source: string;
  description: string;
}

/** Audit types of the trajectory's own stream, with what they mean for a receiver. */
export const TRAJECTORY_STATE_CHANGES = {
  TRAJECTORY_STARTED: 'A trajectory was started at intake (request type, domain, segment).',
  DRAFTING_STARTED: 'The local team started drafting the perspective plan with the family.',
  LEAD_PROVIDER_CHOSEN: 'The family chose the lead provider (R-ROLE-05).',
  PLAN_SUBMITTED: 'A plan version was submitted for approval; the approval clock runs.',
  PLAN_SIGNED: 'A party signed the submitted plan version.',
  PLAN_EXEMPTION_RECORDED: 'A signature or plan requirement was waived with a reason.',
  CHANGES_REQUESTED: 'The local team returned the plan for changes (a round trip).',
  PLAN_APPROVED: 'The plan was approved: the care decision (beschikking) and the assignment were issued.',
  ESCALATED: 'The plan was escalated to the breakthrough table; the approval clock is paused.',
  BREAKTHROUGH_DECIDED: 'The breakthrough table decided; the trajectory follows the decision.',
  PROVIDER_START_OVERDUE: 'The provider did not confirm the start of care in time.',
  CARE_STARTED: 'The provider confirmed the start of care; the initial payment follows.',
  PERIOD_STARTED: 'A new care or payment period began.',
  EVALUATION_DUE: 'An evaluation is due.',
  EVALUATION_OVERDUE: 'An evaluation is past its due date.',
  EVALUATION_PROPOSED: "The provider proposed an evaluation; it waits for the local team's confirmation.",
  EVALUATION_CONFIRMED: "The local team confirmed the provider's evaluation.",
  EVALUATION_PROPOSAL_REJECTED: "The local team did not confirm the provider's evaluation.",
  EVALUATION_RECORDED: 'An evaluation was recorded with its outcome.',
  REASSESSMENT_STARTED: 'A reassessment of the indication began.',
  INDICATION_RENEWED: 'The indication was renewed with a new decision version.',
  ARRANGEMENT_CHANGE_REQUESTED: 'Scaling up or down was requested.',
  ARRANGEMENT_CHANGE_APPROVED: 'Scaling was approved: a new decision version and an adjustment payment.',
  ARRANGEMENT_CHANGE_REJECTED: 'Scaling was refused.',
  ARRANGEMENT_CHANGE_RETURNED: 'The scaling request was returned for changes.',
  ARRANGEMENT_CHANGE_LAPSED: 'A scaling request lapsed without an answer.',
  SCALING_REQUEST_LAPSED: 'An expected scaling request did not come in time.',
  DECISION_PRICE_AMENDED: "The decision's price was corrected (a new decision version).",
  COMPLETION_CONFIRMED: 'Completion of the care was confirmed; the final payment follows.',
  FINAL_TRANCHE_WITHHELD: 'The final payment was withheld by the rules.',
  TRAJECTORY_CLOSED: 'The trajectory closed with its reason and outcome.',
  REMINDER_SENT: 'A reminder before a deadline was sent to the party that must act.',
  WAIT_OVERDUE: 'A wait for a party is past its deadline.',
  RULES_UPGRADED: 'The trajectory moved to a newer rules version.',
} as const satisfies Record<string, string>;

/** Audit types of a breakthrough-table case's stream. */
export const CASE_STATE_CHANGES = {
  CASE_OPENED: 'The breakthrough table opened a case for an escalation.',
  CASE_ASSIGNED: 'A chair (and members) took the case.',
  CASE_DECIDED: 'The table decided the case.',
  CASE_WITHDRAWN: 'The case was withdrawn (the provider started, or the trajectory closed).',
  TABLE_REMINDER: 'The table was reminded of its deadline.',
  TABLE_OVERDUE:
    'The table did not decide in time; contract management is told (never an automatic approval).',
} as const satisfies Record<string, string>;

/** Notice topics: messages to a role (worklist item, mail, webhook), with the audience in the event. */
export const NOTICE_TOPICS = {
  PLAN_SUBMITTED: 'A plan waits for approval.',
  PLAN_FULLY_SIGNED: 'Every required signature is on the plan.',
  CHANGES_REQUESTED: 'The plan came back for changes.',
  PLAN_REJECTED: 'The plan was rejected.',
  DECISION_ISSUED: 'A care decision was issued; the provider can start.',
  ESCALATED: 'A plan was escalated to the breakthrough table.',
  BREAKTHROUGH_DECIDED: 'The breakthrough table decided.',
  PROVIDER_START_OVERDUE: 'The provider has not started in time.',
  EVALUATION_DUE: 'An evaluation is due.',
  EVALUATION_OVERDUE: 'An evaluation is overdue.',
  REASSESSMENT_DUE: 'A reassessment is due.',
  ARRANGEMENT_CHANGE_REQUESTED: 'A scaling request waits for a decision.',
  ARRANGEMENT_CHANGE_DECIDED: 'A scaling request was decided.',
  TRAJECTORY_CLOSED: 'The trajectory closed.',
  LEAD_PROVIDER_CHOSEN: 'The family chose a lead provider.',
  EVALUATION_PROPOSED: "A provider's evaluation waits for confirmation.",
  DEADLINE_APPROACHING: 'A reminder: a deadline of a wait is near (ids: wait, deadlineAt).',
  WAIT_OVERDUE: 'A wait is past its deadline (ids: wait, deadlineAt).',
  CASE_OPENED: 'A case waits at the breakthrough table.',
  CASE_ASSIGNED: 'A case at the breakthrough table was assigned.',
  TABLE_REMINDER: 'A reminder: the breakthrough table must decide soon.',
  TABLE_OVERDUE: 'The breakthrough table did not decide in time.',
} as const satisfies Record<string, string>;

/**
 * Messages of the iJw/iWmo chain the municipality sends (issue 17), as events whose payload is the message:
 * client-less XML, which the case system or hub connector completes with the client block and carries to the
 * provider. A 325 answers a declaration of many clients and is no trajectory's event (download it instead).
 */
export const CHAIN_MESSAGES = {
  '301': 'An assignment message (301 Toewijzing): every current assignment of the client at the provider.',
  '319': 'An answer to a request for assignment or change (319 Antwoordbericht): refused or under research.',
} as const satisfies Record<string, string>;

export type ChainMessageCode = keyof typeof CHAIN_MESSAGES;

const CHAIN_EVENT_NAMES: Record<ChainMessageCode, string> = { '301': 'assignment', '319': 'request-answer' };

export function chainMessageEventType(code: ChainMessageCode): string {
  return `chain.${CHAIN_EVENT_NAMES[code]}.v1`;
}

export type TrajectoryStateChange = keyof typeof TRAJECTORY_STATE_CHANGES;
export type CaseStateChange = keyof typeof CASE_STATE_CHANGES;
export type NoticeTopic = keyof typeof NOTICE_TOPICS;

/** `PLAN_APPROVED` → `plan-approved`. */
export function kebab(code: string): string {
  return code.toLowerCase().replace(/_/g, '-');
}

/** The event type of an audit record: its stream tells a trajectory's transition from a table case's. */
export function stateChangeEventType(stream: 'trajectory' | 'case', auditType: string): string {
  return stream === 'trajectory'
    ? `trajectory.${kebab(auditType)}.v1`
    : `breakthrough-case.${kebab(auditType.replace(/^CASE_/, ''))}.v1`;
}

export function noticeEventType(topic: string): string {
  return `notice.${kebab(topic)}.v1`;
}

/** Whether an event is a notice (`noticeEventType`): a notification row stands behind it, for the mail. */
export function isNoticeEventType(type: string): boolean {
  return type.startsWith('notice.');
}

function entries(
  family: EventFamily,
  table: Record<string, string>,
  typeOf: (source: string) => string,
): CatalogueEntry[] {
  return Object.entries(table).map(([source, description]) => ({
    type: typeOf(source),
    family,
    source,
    description,
  }));
}

/** Every event type, in a stable order: trajectory transitions, table-case transitions, notices, chain messages. */
export const EVENT_CATALOGUE: readonly CatalogueEntry[] = [
  ...entries('state-change', TRAJECTORY_STATE_CHANGES, (s) => stateChangeEventType('trajectory', s)),
  ...entries('state-change', CASE_STATE_CHANGES, (s) => stateChangeEventType('case', s)),
  ...entries('notice', NOTICE_TOPICS, noticeEventType),
  ...entries('chain-message', CHAIN_MESSAGES, (code) => chainMessageEventType(code as ChainMessageCode)),
];

export const EVENT_TYPES: ReadonlySet<string> = new Set(EVENT_CATALOGUE.map((e) => e.type));

export function isKnownEventType(type: string): boolean {
  return EVENT_TYPES.has(type);
}
