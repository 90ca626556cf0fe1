import request from 'supertest';

/** A lifecycle event as the pull feed (`GET /events`) lists it: the parts the delivery tests compare. */
export interface FeedEvent {
  id: string;
  data: { trajectoryId: string; sequence: number };
}

/**
 * The whole pull feed of the caller's tenant, page by page, kept to the given trajectories: what every
 * subscriber must receive (exactly once after de-duplication, in order per trajectory).
 */
export async function feedOf(
  baseUrl: string,
  token: string,
  trajectoryIds: Set<string>,
): Promise<FeedEvent[]> {
  const feed: FeedEvent[] = [];
  let after: string | undefined;
  for (;;) {
    const res = await request(baseUrl)
      .get('/events')
      .query({ limit: 500, ...(after ? { after } : {}) })
      .set('Authorization', token)
      .expect(200);
    const events = res.body.events as FeedEvent[];
    feed.push(...events.filter((e) => trajectoryIds.has(e.data.trajectoryId)));
    if (events.length === 0 || res.body.next === after) break;
    after = res.body.next;
  }
  return feed;
}
