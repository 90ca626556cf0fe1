import { localIsoDate, regionPolicy } from '@app/domain';
import { resolvePolicyDeadline } from '@app/domain';
import type { ArrangementTerms, TrajectorySplitPreset } from '@app/domain';
import {
  ACHIEVED,
  FINANCE,
  LT,
  MONTHLY,
  planDraft,
  policy,
  RECOVERY,
} from '../libs/domain/testing/trajectory-fixtures';
import { settled } from '../test/support/settled';
import type { TrajectoryDriver } from '../test/support/trajectory-driver';
import { useTrajectoryKit } from '../test/support/kit-suite';
import { careDecisionRows, ledger, paymentRows } from '../test/support/trajectory-rows';
import { timeSkippingTestBed } from '../test/support/workflow-env';

/**
 * Money the workflow moves besides the start and final tranches (domain.md §7.7, §7.8): period payments
 * driven by timers, the municipality's manual WITHHOLD and a retroactive price correction.
 */
jest.setTimeout(90_000);

const suite = useTrajectoryKit(timeSkippingTestBed, 'money', 'money');

function monthsAfter(iso: string, months: number): string {
  return months === 0 ? iso : resolvePolicyDeadline(policy(), new Date(iso), { months }).toISOString();
}

async function complete(t: TrajectoryDriver, tranches: number): Promise<string[]> {
  await t.send('confirmCompletion', { actor: LT, finalEvaluation: ACHIEVED });
  expect(await t.closed()).toMatchObject({ closureReason: 'COMPLETED_PER_PLAN' });
  return settled(
    () => ledger(suite.bed.db, t.trajectoryId),
    (l) => l.length === tranches,
  );
}

describe('period pricing (§7.7 MONTHLY, §7.5 "Period payments")', () => {
  it('pays one PERIOD tranche at the start and one at each month boundary after it, driven by timers', async () => {
    // Durable Wmo support priced per month (decisions.md 1); in Wmo the municipality sets the intensity.
    const t = await suite.kit.active({ domain: 'WMO' }, planDraft({ arrangement: MONTHLY }));
    const { startedAt, periodSchedule, decisions } = await t.state();
    expect(decisions[0].paymentPolicy.preset).toBe('MONTHLY');
    expect(periodSchedule).toMatchObject({ nextPeriod: 2, nextBoundaryAt: monthsAfter(startedAt!, 1) });

    for (let month = 1; month <= 3; month += 1) {
      await suite.bed.sleepUntil(monthsAfter(startedAt!, month));
      const rows = await settled(
        () => paymentRows(suite.bed.db, t.trajectoryId),
        (r) => r.length === month + 1,
      );
      expect(rows).toHaveLength(month + 1);
    }
    const rows = await paymentRows(suite.bed.db, t.trajectoryId);
    expect(
      rows.map((r) => ({ kind: r.kind, amount: r.amount, period: r.period, dueDate: r.dueDate })),
    ).toEqual(
      [1, 2, 3, 4].map((period) => ({
        kind: 'PERIOD',
        amount: 85_000,
        period,
        dueDate: localIsoDate(new Date(monthsAfter(startedAt!, period - 1))),
      })),
    );
    expect((await t.view()).deadlines.nextPeriodPaymentAt).toBe(monthsAfter(startedAt!, 4));
  });
});

describe('final tranche and price (§7.8)', () => {
  it('a manual WITHHOLD by finance records the final tranche as WITHHELD with its written reason', async () => {
    const t = await suite.kit.active();
    const view = await t.send('withholdPayment', { actor: FINANCE, reasonRef: 'finance-note-4' });
    expect(view.allowedActions).not.toContain('withholdPayment');
    expect((await t.state()).finalTrancheWithhold).toMatchObject({
      reasonRef: 'finance-note-4',
      actorRef: FINANCE.ref,
    });

    expect(await complete(t, 2)).toEqual(['INITIAL:600000:SCHEDULED', 'FINAL:300000:WITHHELD']);
    const [, final] = await paymentRows(suite.bed.db, t.trajectoryId);
    expect(final.statusReason).toBe('finance-note-4');
    expect((await t.state()).payments.map((p) => `${p.kind}:${p.status}`)).toEqual([
      'INITIAL:ISSUED',
      'FINAL:WITHHELD',
    ]);
    const events: { to_status: string }[] = await suite.bed.db.query(
      `SELECT to_status FROM payment_event WHERE trajectory_id = $1 AND idempotency_key LIKE '%:FINAL:%' ORDER BY id`,
      [t.trajectoryId],
    );
    expect(events.map((e) => e.to_status)).toEqual(['SCHEDULED', 'WITHHELD']);
  });

  it('a retroactive price correction by agreement issues a negative ADJUSTMENT; the final tranche follows the corrected price (R-END-05)', async () => {
    const t = await suite.kit.active();
    const view = await t.send('amendDecisionPrice', {
      actor: FINANCE,
      tariffCents: 750_000,
      providerAgreed: true,
      reasonRef: 'agreement-7',
    });
    expect(view.decisionVersion).toBe(2);
    expect(
      await settled(
        () => careDecisionRows(suite.bed.db, t.trajectoryId),
        (r) => r.length === 2,
      ),
    ).toEqual([
      expect.objectContaining({ version: 1, tariffCents: 900_000 }),
      expect.objectContaining({
        version: 2,
        cause: 'PRICE_CORRECTION',
        amendsVersion: 1,
        tariffCents: 750_000,
      }),
    ]);
    // 2/3 of €7,500 was due at the start; €6,000 was paid.
    expect(
      await settled(
        () => ledger(suite.bed.db, t.trajectoryId),
        (l) => l.length === 2,
      ),
    ).toEqual(['INITIAL:600000:SCHEDULED', 'ADJUSTMENT:-100000:SCHEDULED']);

    expect(await complete(t, 3)).toEqual([
      'INITIAL:600000:SCHEDULED',
      'ADJUSTMENT:-100000:SCHEDULED',
      'FINAL:250000:SCHEDULED',
    ]);
  });
});

describe("every region's split (decisions.md 1, 7: a region picks its split; regions are data)", () => {
  /** A region's published policy as the region directory builds it (libs/register). */
  const region = (regionId: string, paymentSplit: TrajectorySplitPreset) =>
    regionPolicy({ regionId, policyVersion: '2026.1', paymentSplit, holidays: [], settings: {} });
  const arrangement = (regionId: string, tariffCents: number, own?: ArrangementTerms['paymentPreset']) => ({
    ...RECOVERY,
    code: `${regionId}-J-B-PROF2-M`,
    regionId,
    tariffCents,
    ...(own !== undefined ? { paymentPreset: own } : {}),
  });

  it('a Friesland trajectory with a 99,999-cent arrangement pays 69,999 then 30,000 (R-PAY-02)', async () => {
    const t = await suite.kit.active(
      { policy: region('FRIESLAND', 'FRIESLAND_70_30') },
      planDraft({ arrangement: arrangement('FRIESLAND', 99_999) }),
    );
    expect((await t.state()).decisions[0].paymentPolicy.preset).toBe('FRIESLAND_70_30');
    expect(await complete(t, 2)).toEqual(['INITIAL:69999:SCHEDULED', 'FINAL:30000:SCHEDULED']);
  });

  it('a West-Brabant West trajectory pays 50/50, the odd cent on the final tranche (R-PAY-03, §7.7)', async () => {
    const t = await suite.kit.active(
      { policy: region('WEST-BRABANT-WEST', 'WBW_50_50') },
      planDraft({ arrangement: arrangement('WEST-BRABANT-WEST', 99_999) }),
    );
    expect(await complete(t, 2)).toEqual(['INITIAL:49999:SCHEDULED', 'FINAL:50000:SCHEDULED']);
  });

  it("an arrangement's own preset wins over its region's split, and is frozen in the decision", async () => {
    const t = await suite.kit.active(
      { policy: region('WEST-FRIESLAND', 'WF_RECOVERY') },
      planDraft({ arrangement: arrangement('WEST-FRIESLAND', 100_001, 'WBW_50_50') }),
    );
    const [decision] = (await t.state()).decisions;
    expect(decision.paymentPolicy.preset).toBe('WBW_50_50');
    expect(await complete(t, 2)).toEqual(['INITIAL:50000:SCHEDULED', 'FINAL:50001:SCHEDULED']);
  });
});
