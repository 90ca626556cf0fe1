/**
 * The steering figures of domain.md §6.6 computed in PostgreSQL per month (issue 19): what each one means, its
 * unit and where the documents ask for it. The SQL that computes a figure cites its id; the dashboard and the
 * CSV carry the same id, definition and unit, so a reader of either knows what a number is.
 */
export type SteeringUnit = 'cents' | 'count' | 'share' | 'days' | 'score';

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
  {
    id: 'K-Q4',
    name: { nl: 'Wachttijd tot de start', en: 'Waiting time to start' },
    unit: 'days',
    definition:
      'Of the trajectories whose care started in the month: mean calendar days from the referral (the trajectory opened) to the start of care',
    source: '[001:L413], [001:L521], [004:L174]',
    stock: false,
    perProvider: true,
  },
  {
    id: 'K-P5',
    name: { nl: 'Van besluit tot start', en: 'Decision to start' },
    unit: 'days',
    definition:
      'Of the trajectories whose care started in the month: mean calendar days from the first care decision to the start',
    source: '[001:L383], [001:L454]',
    stock: false,
    perProvider: true,
  },
  {
    id: 'K-Q5',
    name: { nl: 'Weigeringen', en: 'Refusals' },
    unit: 'share',
    definition:
      'Escalations raised in the month because the provider refused the resident (CLIENT_REFUSED) ÷ trajectories referred to a provider in the month',
    source: '[001:L349]',
    stock: false,
    perProvider: true,
  },
  {
    id: 'K-Q7',
    name: { nl: 'Actieve cliënten', en: 'Active clients' },
    unit: 'count',
    definition:
      'Clients with a care decision in force at the end of the month (growth and decline of care demand: the trend of this line)',
    source: '[001:L551]',
    stock: true,
    perProvider: true,
  },
  {
    id: 'K-Q7-W',
    name: { nl: 'Zorgzwaarte per cliënt', en: 'Care weight per client' },
    unit: 'cents',
    definition:
      'Yearly value of the decisions in force at the end of the month ÷ the clients they are for (the weight of care demand)',
    source: '[001:L551]',
    stock: true,
    perProvider: true,
  },
  {
    id: 'K-C1',
    name: { nl: 'Evaluaties op tijd', en: 'Evaluations on time' },
    unit: 'share',
    definition:
      'Evaluations recorded in the month before they went overdue ÷ evaluations that fell due: recorded in time, or overdue in the month (information-sharing transparency)',
    source: '[004:L176]',
    stock: false,
    perProvider: true,
  },
  {
    id: 'K-Q4-L',
    name: { nl: 'Wachtlijst', en: 'Waiting list' },
    unit: 'count',
    definition:
      'Residents waiting for a start at the end of the month, as the providers reported them per region (PUT /providers/:id/waiting-lists/:month); no report, no figure',
    source: '[001:L413], [001:L521], [004:L174]',
    stock: true,
    perProvider: true,
  },
  {
    id: 'K-C2',
    name: { nl: 'Kwaliteit van samenwerking (enquête)', en: 'Cooperation quality (survey)' },
    unit: 'score',
    definition:
      'The region’s periodic survey of cooperation with the provider: mean score 0–10 weighted by respondents, as contract management reported it (PUT /providers/:id/cooperation-scores/:month); no survey, no figure',
    source: '[004:L176]',
    stock: false,
    perProvider: true,
  },
  {
    id: 'K-P8',
    name: { nl: 'Vrijstellingen van het plan', en: 'Plan exemptions' },
    unit: 'count',
    definition:
      'Trajectories exempted from a perspective plan in the month (PLAN_EXEMPTION_RECORDED: a request type that needs no plan, R-PLAN-05)',
    source: '[001:L510]',
    stock: false,
    perProvider: true,
  },
  {
    id: 'K-Q3',
    name: { nl: 'Afschalen bij hoge complexiteit', en: 'Scaling down in high complexity' },
    unit: 'share',
    definition:
      'Of the approved scalings up or down of high-complexity trajectories in the month (by the local team), the share that scaled down',
    source: '[001:L68], [001:L384]',
    stock: false,
    perProvider: true,
  },
  {
    id: 'K-Q3-Y',
    name: { nl: 'Op- en afschalingen per trajectjaar', en: 'Scalings per trajectory-year' },
    unit: 'share',
    definition:
      'Approved scalings up or down in the month × 12 ÷ the care decisions in force at its end: how often a trajectory is scaled in a year',
    source: '[001:L68], [001:L384]',
    stock: false,
    perProvider: true,
  },
  {
    id: 'K-F3-TOP',
    name: { nl: 'Aandeel grootste arrangement', en: 'Share of the top arrangement' },
    unit: 'share',
    definition:
      'Of the care decisions in force at the end of the month, the share of the single arrangement most of them are for (month on month: the trend of this line)',
    source: '[001:L301], [001:L388], [000:L197-198]',
    stock: true,
    perProvider: true,
  },
];
