import type { ShapePayment } from '../trajectory-shape';

/**
 * The bare counterparts of the platform's activities: no database, no HTTP, just an activity task each.
 * Their inputs have the size of the real ones (an audit record plus a read-model row; a tranche) so
 * payload encoding and history size stay comparable.
 */
export function createBareActivities() {
  return {
    async recordTransition(input: { trajectoryId: string; seq: number; row: Record<string, unknown> }) {
      return { trajectoryId: input.trajectoryId, seq: input.seq };
    },
    async issuePayment(input: { trajectoryId: string; tranche: ShapePayment; amountCents: number }) {
      return { paymentId: `${input.trajectoryId}-${input.tranche}`, amountCents: input.amountCents };
    },
  };
}

export type BareActivities = ReturnType<typeof createBareActivities>;
