import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { isEncrypted } from '@app/codec';
import { bearer } from './support/auth';
import { codedPayloads } from './support/history-codec';
import { decodedPayload, decodedPayloads, stringsOf } from './support/history-payloads';
import { bootStack, eventually, requireEnv, RunningStack, uniqueRef, uniqueTaskQueue } from './support/stack';

type History = temporal.api.history.v1.IHistory;

/**
 * Personal data never reaches Temporal in clear text: a trajectory started and moved through the real API and
 * worker leaves a history whose stored bytes, read by a client WITHOUT the codec (as the Temporal server and
 * anyone with access to its database see them), hold none of the input's values; with the codec they are all
 * there.
 */
describe('workflow histories are stored encrypted', () => {
  let stack: RunningStack;
  let http: App;
  let raw: { client: Client; connection: Connection };
  const clientId = `c-${uniqueRef('secret')}`;
  const caseReference = uniqueRef('CASE-ENC');
  const trajectoryId = `trajectory-GM0405-${caseReference}`;

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('encryption'));
    http = stack.api.getHttpServer();
    const connection = await Connection.connect({ address: requireEnv('TEMPORAL_ADDRESS') });
    // Deliberately no dataConverter: the history exactly as the server stores it.
    raw = { client: new Client({ connection }), connection };
  });
  afterAll(async () => {
    await stack?.close();
    await raw?.connection.close();
  });

  /**
   * The history once the worker has recorded the start's and the drafting's bookkeeping (two local-activity
   * markers) and the drafting update: the update completes before its bookkeeping runs, so both are awaited.
   */
  async function storedHistory(): Promise<History> {
    return eventually(async () => {
      const history = await raw.client.workflow.getHandle(trajectoryId).fetchHistory();
      const events = history.events ?? [];
      const done =
        events.filter((e) => e.markerRecordedEventAttributes).length >= 2 &&
        events.some((e) => e.workflowExecutionUpdateCompletedEventAttributes);
      return done ? history : undefined;
    });
  }

  it('holds no input value in clear, only ciphertext with the key id; with the codec the input reads back', async () => {
    await request(http)
      .post('/trajectories')
      .set('Authorization', bearer(['CASE_SYSTEM'], ['GM0405']))
      .send({
        municipalityCode: 'GM0405',
        caseReference,
        clientId,
        domain: 'WMO',
        segment: 'B',
        complexity: 'LOW',
        requestType: 'SUPPORT',
      })
      .expect(201);
    await request(http)
      .post(`/trajectories/${trajectoryId}/drafting`)
      .set('Authorization', bearer(['LOCAL_TEAM'], ['GM0405']))
      .expect(200);
    const history = await storedHistory();

    // Every payload the SDK codes (inputs, update arguments and results, activity and marker results) is
    // encrypted; what stays readable is search attributes and the SDK's own marker bookkeeping.
    const payloads = codedPayloads(history);
    expect(payloads.length).toBeGreaterThan(4);
    expect(payloads.filter((p) => !isEncrypted(p))).toEqual([]);
    const keyIds = new Set(payloads.map((p) => Buffer.from(p.metadata!['encryption-key-id']).toString()));
    expect([...keyIds]).toEqual(['test-suite-1']);

    // Not in the JSON of the payloads, with their bytes read as text …
    const asText = JSON.stringify(
      payloads.map((p) => ({
        metadata: Object.fromEntries(
          Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('utf8')]),
        ),
        data: Buffer.from(p.data ?? []).toString('utf8'),
      })),
    );
    for (const marker of [clientId, caseReference, 'json/plain', '"municipalityCode"']) {
      expect([marker, asText.includes(marker)]).toEqual([marker, false]);
    }
    // … nor anywhere in the whole history's stored bytes (the workflow id, which carries the case reference
    // by design, aside): the pseudonymous client id appears nowhere.
    const stored = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
    expect(stored.includes(Buffer.from(clientId))).toBe(false);

    // With the codec (the suite's test key), the same history reads as the workflow saw it.
    expect(stringsOf(payloads.map(decodedPayload))).toEqual(expect.arrayContaining([clientId, trajectoryId]));
    expect(stringsOf(decodedPayloads(history))).toContain(clientId);
  });
});
