/**
 * The steering figures of domain.md §6.6 computed in PostgreSQL per month (issue 19): what each one means, its
 * unit and where the documents ask for it. The SQL that computes a figure cites its id; the dashboard and the
 * CSV carry the same id, definition and unit, so a reader of either knows what a number is.
 */
export type SteeringUnit = 'cents' | 'count' | 'share';

export interface SteeringIndicator {
  id: string;
  /** Dutch name first (the dashboard's language), then English. */
  name: { nl: string; en: string };
  unit: SteeringUnit;
  definition: string;
  source: string;
  /** A stock at the end of each month (true) or a flow during it (false). */
  stock: boolean;
  /** Whether the figure is also given per provider (a client's stacked cost spans providers: region only). */
  perProvider: boolean;
}

export const STEERING_INDICATORS: readonly SteeringIndicator[] = [
  {
    id: 'K-F5',
    name: { nl: 'Waarde van de toewijzingen', en: 'Value of assignments' },
    unit: 'cents',
    definition:
      'Σ tariffs of the care decisions in force at the end of the month (the highest version valid that day) of trajectories not closed by then',
    source: '[001:L689]',
    stock: true,
    perProvider: true,
  },
  {
    id: 'K-F2',
    name: { nl: 'Kosten per cliënt', en: 'Cost per client' },
    unit: 'cents',
    definition:
      'Σ payment instructions due in the month (not cancelled or withheld) ÷ distinct clients they pay for',
    source: '[001:L390], [001:L478]',
    stock: false,
    perProvider: true,
  },
  {
    id: 'K-F3',
    name: { nl: 'Afwijking intensiteitsmix', en: 'Intensity mix deviation' },
    unit: 'share',
    definition:
      'Total variation distance between the provider’s shares of decisions in force per intensity and the region’s (½ Σ |provider share − region share|); 0 = the same mix, 1 = nothing in common',
    source: '[001:L301], [001:L388], [000:L197-198]',
    stock: true,
    perProvider: true,
  },
  {
    id: 'K-F4',
    name: { nl: 'Cliënten boven de stapelgrens', en: 'Clients above the stacking threshold' },
    unit: 'count',
    definition:
      'Clients whose concurrent decisions in force at the end of the month add up, as yearly value, above the threshold (DEFAULT €100,000)',
    source: '[001:L384]',
    stock: true,
    perProvider: false,
  },
  {
    id: 'K-F6',
    name: { nl: 'Gedeclareerde perioden', en: 'Billed periods' },
    unit: 'count',
    definition: 'Period payments (period-priced arrangements) due in the month, not cancelled or withheld',
    source: '[001:L689]',
    stock: false,
    perProvider: true,
  },
  {
    id: 'K-F7',
    name: { nl: 'Slottranche uitbetaald', en: 'Final tranche paid' },
    unit: 'share',
    definition:
      'Of the trajectories closed in the month that had a final tranche, the share whose final tranche was released, exported or confirmed (not cancelled or withheld)',
    source: '[001:L201], [001:L205]',
    stock: false,
    perProvider: true,
  },
  {
    id: 'K-Q2',
    name: { nl: 'Duur tegenover gepland', en: 'Duration against planned' },
    unit: 'share',
    definition:
      'Of the trajectories closed in the month whose care started: Σ days from start to closure ÷ Σ days their first decision was granted for (1 = as planned, below 1 shorter)',
    source: '[001:L578]',
    stock: false,
    perProvider: true,
  },
  {
    id: 'K-Q8',
    name: { nl: 'Zaken tussen segment B en C', en: 'Segment B/C gap cases' },
    unit: 'count',
    definition: 'Escalations with trigger SEGMENT_GAP raised in the month',
    source: '[001:L398]',
    stock: false,
    perProvider: true,
  },
  {
    id: 'K-Q1-IN',
    name: { nl: 'Instroom', en: 'Inflow' },
    unit: 'count',
    definition: 'Trajectories opened in the month',
    source: '[001:L689]',
    stock: false,
    perProvider: true,
  },
  {
    id: 'K-Q1-OUT',
    name: { nl: 'Uitstroom', en: 'Outflow' },
    unit: 'count',
    definition: 'Trajectories closed in the month',
    source: '[001:L689]',
    stock: false,
    perProvider: true,
  },
];
