import request from 'supertest';
import type { App } from 'supertest/types';

/** A lifecycle event as the pull feed (`GET /events`) lists it: the parts the delivery tests compare. */
export interface FeedEvent {
  id: string;
  data: { trajectoryId: string; sequence: number };
}

/**
 * The whole pull feed of the caller's tenant, page by page, kept to the given trajectories: what every
 * subscriber must receive (exactly once after de-duplication, in order per trajectory). `E` is the event type
 * a test reads more of.
 */
export async function feedOf<E extends FeedEvent = FeedEvent>(
  api: App | string,
  token: string,
  trajectoryIds: ReadonlySet<string>,
): Promise<E[]> {
  const feed: E[] = [];
  let after: string | undefined;
  for (;;) {
    const res = await request(api)
      .get('/events')
      .query({ limit: 500, ...(after ? { after } : {}) })
      .set('Authorization', token)
      .expect(200);
    const events = res.body.events as E[];
    feed.push(...events.filter((e) => trajectoryIds.has(e.data.trajectoryId)));
    if (events.length === 0 || res.body.next === after) return feed;
    after = res.body.next;
  }
}
