import { EVENT_CATALOGUE, type CatalogueEntry } from './event-catalogue';

/** A JSON Schema (draft 2020-12 subset, as AsyncAPI 3 and Ajv read it). */
export type JsonSchema = Record<string, unknown>;

/** Ids and codes: no spaces or free text; nine-digit runs (BSN-shaped) are not ids the platform makes. */
const ID = { type: 'string', minLength: 1, maxLength: 300, pattern: '^[^\\s]*$' };
const DATE_TIME = { type: 'string', format: 'date-time' };
const NULLABLE_INT = { type: ['integer', 'null'], minimum: 1 };
const DETAIL_VALUE = {
  anyOf: [
    { type: 'string', maxLength: 300 },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'null' },
    { type: 'array', items: { type: 'string', maxLength: 300 }, maxItems: 100 },
  ],
};

const LINKS = {
  type: 'object',
  additionalProperties: false,
  required: ['trajectory'],
  properties: {
    trajectory: { type: 'string', pattern: '^/trajectories/' },
    escalation: { type: 'string', pattern: '^/escalations/' },
    message: { type: 'string', pattern: '^/chain/messages/' },
  },
};

const COMMON_DATA = {
  trajectoryId: ID,
  municipalityCode: { type: 'string', pattern: '^[A-Za-z0-9]{1,16}$' },
  providerId: { anyOf: [ID, { type: 'null' }] },
  sequence: { type: 'integer', minimum: 1 },
  escalationId: { anyOf: [ID, { type: 'null' }] },
  links: LINKS,
};

/** The payload schema of one event type: the envelope with `type` fixed, and the data of its family. */
export function eventSchema(entry: CatalogueEntry): JsonSchema {
  const data =
    entry.family === 'chain-message'
      ? {
          type: 'object',
          additionalProperties: false,
          required: [...Object.keys(COMMON_DATA), 'message'],
          properties: {
            ...COMMON_DATA,
            message: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'code', 'standard', 'identification', 'xml'],
              properties: {
                id: ID,
                code: { const: entry.source },
                standard: { enum: ['iJw', 'iWmo'] },
                identification: { type: 'string', minLength: 1, maxLength: 12 },
                xml: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 1_000_000,
                  description: 'Client-less message XML',
                },
              },
            },
          },
        }
      : entry.family === 'state-change'
        ? {
            type: 'object',
            additionalProperties: false,
            required: [...Object.keys(COMMON_DATA), 'actorRole', 'planVersion', 'decisionVersion', 'details'],
            properties: {
              ...COMMON_DATA,
              actorRole: { type: 'string', pattern: '^[A-Z_]+$' },
              planVersion: NULLABLE_INT,
              decisionVersion: NULLABLE_INT,
              details: { type: 'object', additionalProperties: DETAIL_VALUE, maxProperties: 50 },
            },
          }
        : {
            type: 'object',
            additionalProperties: false,
            required: [...Object.keys(COMMON_DATA), 'audience', 'ids'],
            properties: {
              ...COMMON_DATA,
              audience: { type: 'string', pattern: '^[A-Z_]+$' },
              ids: {
                type: 'object',
                additionalProperties: { type: 'string', maxLength: 300 },
                maxProperties: 50,
              },
            },
          };
  return {
    $id: `urn:perspective-plan:event:${entry.type}`,
    title: entry.type,
    description: entry.description,
    type: 'object',
    additionalProperties: false,
    required: ['id', 'type', 'timestamp', 'data'],
    properties: {
      id: { type: 'string', pattern: '^evt_[A-Za-z0-9_-]{26}$' },
      type: { const: entry.type },
      timestamp: DATE_TIME,
      data,
    },
  };
}

/**
 * The event catalogue as an AsyncAPI 3.0 document (served at `GET /events/asyncapi`): one channel per event
 * type with its payload schema, the two ways to receive them (the webhook POST and the pull feed), and how
 * deliveries are signed. The webhook e2e test validates every delivery against these schemas.
 */
export function asyncApiDocument(version: string): JsonSchema {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const entry of EVENT_CATALOGUE) {
    const key = entry.type.replace(/\./g, '_');
    messages[key] = {
      name: entry.type,
      title: entry.type,
      summary: entry.description,
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: {
          'webhook-id': { type: 'string', description: 'The event id; de-duplicate on it' },
          'webhook-timestamp': { type: 'string', description: 'Unix seconds of this attempt' },
          'webhook-signature': {
            type: 'string',
            description: 'Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` (Standard Webhooks)',
          },
        },
      },
      payload: eventSchema(entry),
    };
    channels[key] = {
      address: entry.type,
      description: `${{ 'state-change': 'State change', notice: 'Notice', 'chain-message': 'Chain message' }[entry.family]} from ${entry.source}`,
      messages: { [key]: { $ref: `#/components/messages/${key}` } },
    };
    operations[`receive_${key}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${key}` },
      summary: `Delivered to subscriptions of ${entry.type} and listed by GET /events`,
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Perspective plans — lifecycle events',
      version,
      description:
        'Every state change and every notice of a trajectory as an event: ids, codes, times and links, never ' +
        'personal data. Ordered per trajectory by data.sequence. Receive them by webhook (POST with Standard ' +
        'Webhooks signatures, retried with backoff for over 24 h, at least once: de-duplicate on id) or read ' +
        'them with GET /events?after=<cursor>. Types are versioned: a breaking change gets a new .vN beside ' +
        'the old one.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}
