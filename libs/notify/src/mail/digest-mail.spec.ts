import { orderDigestItems, renderDigestMail, type DigestItem, type DigestMailInput } from './digest-mail';
import { PRIVACY_NOTE } from './mail-layout';

const item = (trajectoryId: string, over: Partial<DigestItem> = {}): DigestItem => ({
  kind: 'AWAITING_APPROVAL',
  trajectoryId,
  deadlineAt: null,
  overdue: false,
  actionUrl: `https://pp.example/trajectories/${trajectoryId}`,
  ...over,
});

const ITEMS: DigestItem[] = [
  item('traj-none', { kind: 'EVALUATION_DUE' }),
  item('traj-late', { deadlineAt: '2026-12-12T16:00:00.000Z' }),
  item('traj-soon', { kind: 'START_PENDING', deadlineAt: '2026-12-08T16:00:00.000Z' }),
  item('traj-over-2', { kind: 'APPROVAL_OVERDUE', deadlineAt: '2026-12-03T16:00:00.000Z', overdue: true }),
  item('traj-over-1', {
    kind: 'TABLE_CASE_OVERDUE',
    escalationId: 'esc-4',
    deadlineAt: '2026-12-01T16:00:00.000Z',
    overdue: true,
  }),
];

const digest = (over: Partial<DigestMailInput> = {}) =>
  renderDigestMail({
    language: 'nl',
    audience: 'LOCAL_TEAM',
    date: '2026-12-07',
    items: ITEMS,
    worklistUrl: 'https://pp.example/worklist',
    ...over,
  });

/** The positions of the trajectory ids in a text, to check the order the items are listed in. */
function order(text: string, ids: string[]): number[] {
  return ids.map((id) => text.indexOf(`Traject ${id} `));
}

describe('orderDigestItems', () => {
  it('puts overdue work first, then by deadline, work without one last', () => {
    expect(orderDigestItems(ITEMS).map((i) => i.trajectoryId)).toEqual([
      'traj-over-1',
      'traj-over-2',
      'traj-soon',
      'traj-late',
      'traj-none',
    ]);
  });

  it('compares instants, not strings, and breaks ties by trajectory id', () => {
    const items = [
      item('traj-b', { deadlineAt: '2026-12-08T17:00:00+01:00' }),
      item('traj-a', { deadlineAt: '2026-12-08T16:00:00Z' }),
      item('traj-c', { deadlineAt: '2026-12-08T15:30:00Z' }),
      item('traj-z'),
      item('traj-y'),
    ];
    expect(orderDigestItems(items).map((i) => i.trajectoryId)).toEqual([
      'traj-c',
      'traj-a',
      'traj-b',
      'traj-y',
      'traj-z',
    ]);
  });

  it('leaves its input as it was', () => {
    const copy = [...ITEMS];
    orderDigestItems(ITEMS);
    expect(ITEMS).toEqual(copy);
  });
});

describe('renderDigestMail', () => {
  it('counts what waits and what is late in the subject', () => {
    expect(digest().subject).toBe('Dagoverzicht 7 december 2026: 5 wachten op u, waarvan 2 te laat');
    expect(digest({ language: 'en' }).subject).toBe(
      'Daily overview 7 December 2026: 5 waiting for you, 2 overdue',
    );
    expect(digest({ items: [ITEMS[0]] }).subject).toBe('Dagoverzicht 7 december 2026: 1 wacht op u');
  });

  it('lists the items in order, under "Te laat" and "Wacht op u", each with its label, deadline and link', () => {
    const { text, html } = digest();
    const positions = order(text, ['traj-over-1', 'traj-over-2', 'traj-soon', 'traj-late', 'traj-none']);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text.indexOf('Te laat (2)')).toBeLessThan(positions[0]);
    expect(text.indexOf('Wacht op u (3)')).toBeGreaterThan(positions[1]);
    expect(text.indexOf('Wacht op u (3)')).toBeLessThan(positions[2]);

    expect(text).toContain('Zaak doorbraaktafel over de termijn');
    expect(text).toContain('Zaak doorbraaktafel esc-4');
    expect(text).toContain('Termijn verstreken: 1 december 2026 om 17:00');
    expect(text).toContain('Start van de zorg nog niet bevestigd');
    expect(text).toContain('Termijn: 8 december 2026 om 17:00');
    expect(text).toContain('Geen termijn');
    expect(text).toContain('Traject traj-soon openen: https://pp.example/trajectories/traj-soon');
    expect(text).toContain('Naar uw werklijst: https://pp.example/worklist');
    expect(text).toContain(PRIVACY_NOTE.nl);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('href="https://pp.example/trajectories/traj-over-1"');
    expect(html).toContain('href="https://pp.example/worklist"');
    expect(html.match(/<li /g)).toHaveLength(5);
  });

  it('writes the English version', () => {
    const { text } = digest({ language: 'en' });
    expect(text).toContain('5 tasks are waiting for you, 2 of them overdue.');
    expect(text).toContain('Overdue (2)');
    expect(text).toContain('Deadline: 8 December 2026 at 17:00');
    expect(text).toContain('Open trajectory traj-soon: https://pp.example/trajectories/traj-soon');
    expect(text).toContain(PRIVACY_NOTE.en);
  });

  it('says that nothing waits when there are no items', () => {
    const mail = digest({ items: [] });
    expect(mail.subject).toBe('Dagoverzicht 7 december 2026: niets wacht op u');
    expect(mail.text).toContain('Er wacht vandaag niets op u.');
    expect(mail.text).toContain('Naar uw werklijst: https://pp.example/worklist');
    expect(mail.html).not.toContain('<ul');
  });

  it('escapes ids in the HTML and shows no BSN-shaped number', () => {
    const mail = digest({
      items: [item('traj-<script>x</script>', { actionUrl: 'https://pp.example/t/1' })],
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('traj-&lt;script&gt;x&lt;/script&gt;');
    expect(`${digest().subject}${digest().text}${digest().html}`).not.toMatch(/(?<!\d)\d{9}(?!\d)/);
  });

  it('refuses an unknown kind, a bad day and a bad link', () => {
    expect(() => digest({ items: [item('traj-1', { kind: 'NOPE' as DigestItem['kind'] })] })).toThrow(
      RangeError,
    );
    expect(() => digest({ date: '07-12-2026' })).toThrow(RangeError);
    expect(() => digest({ worklistUrl: 'worklist' })).toThrow(RangeError);
    expect(() => digest({ items: [item('traj-1', { actionUrl: 'javascript:void(0)' })] })).toThrow(
      RangeError,
    );
  });
});
