import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** What a workflow upserts: a key of this list and its new value. */
export type { SearchAttributeUpdatePair } from '@temporalio/common';

/**
 * Custom search attributes that operators filter on in the Temporal Web UI (domain.md §7.6).
 * Never personal data: only codes, pseudonymous ids, flags and instants.
 * The local stack and the production setup register exactly this list (see `SEARCH_ATTRIBUTE_DEFINITIONS`).
 */
export const SA_STATUS = defineSearchAttributeKey('TrajectoryStatus', SearchAttributeType.KEYWORD);
export const SA_MUNICIPALITY = defineSearchAttributeKey('MunicipalityCode', SearchAttributeType.KEYWORD);
export const SA_PROVIDER = defineSearchAttributeKey('ProviderId', SearchAttributeType.KEYWORD);
export const SA_DOMAIN = defineSearchAttributeKey('CareDomain', SearchAttributeType.KEYWORD);
export const SA_SEGMENT = defineSearchAttributeKey('CareSegment', SearchAttributeType.KEYWORD);
export const SA_ESCALATED = defineSearchAttributeKey('Escalated', SearchAttributeType.BOOL);
export const SA_EVALUATION_OVERDUE = defineSearchAttributeKey('EvaluationOverdue', SearchAttributeType.BOOL);
export const SA_APPROVAL_DEADLINE = defineSearchAttributeKey(
  'ApprovalDeadline',
  SearchAttributeType.DATETIME,
);
export const SA_NEXT_EVALUATION = defineSearchAttributeKey('NextEvaluationAt', SearchAttributeType.DATETIME);
/** The earliest running statutory period (Wmo 2015 art. 2.3.2 / 2.3.5, Awb art. 4:13); rules 2 only. */
export const SA_STATUTORY_DEADLINE = defineSearchAttributeKey(
  'StatutoryDeadline',
  SearchAttributeType.DATETIME,
);

/** An effect of the trajectory failed on its data and waits for an operator (workflows/incidents.ts). */
export const SA_INCIDENT = defineSearchAttributeKey('Incident', SearchAttributeType.BOOL);

/** Name → CLI type, for `temporal operator search-attribute create` and `server start-dev --search-attribute`. */
export const SEARCH_ATTRIBUTE_DEFINITIONS: ReadonlyArray<{ name: string; cliType: string }> = [
  { name: SA_STATUS.name, cliType: 'Keyword' },
  { name: SA_MUNICIPALITY.name, cliType: 'Keyword' },
  { name: SA_PROVIDER.name, cliType: 'Keyword' },
  { name: SA_DOMAIN.name, cliType: 'Keyword' },
  { name: SA_SEGMENT.name, cliType: 'Keyword' },
  { name: SA_ESCALATED.name, cliType: 'Bool' },
  { name: SA_EVALUATION_OVERDUE.name, cliType: 'Bool' },
  { name: SA_APPROVAL_DEADLINE.name, cliType: 'Datetime' },
  { name: SA_NEXT_EVALUATION.name, cliType: 'Datetime' },
  { name: SA_STATUTORY_DEADLINE.name, cliType: 'Datetime' },
  { name: SA_INCIDENT.name, cliType: 'Bool' },
];
