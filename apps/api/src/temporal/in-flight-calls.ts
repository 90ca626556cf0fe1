import { Injectable } from '@nestjs/common';

/**
 * The Temporal calls the API has under way. On shutdown the connection closes only after them (or after
 * `drain`'s bound): a call cut off by a closed connection would retry on a timer against a channel that no
 * longer exists and throw outside any request, taking the process down mid-deploy.
 */
@Injectable()
export class InFlightTemporalCalls {
  private readonly calls = new Set<Promise<unknown>>();

  track<T>(call: Promise<T>): Promise<T> {
    this.calls.add(call);
    const forget = () => this.calls.delete(call);
    call.then(forget, forget);
    return call;
  }

  /** Resolves once every call under way has settled, or after `boundMs`. */
  async drain(boundMs: number): Promise<void> {
    const deadline = Date.now() + boundMs;
    while (this.calls.size > 0 && Date.now() < deadline) {
      await Promise.race([
        Promise.allSettled([...this.calls]),
        new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now()))),
      ]);
    }
  }
}
