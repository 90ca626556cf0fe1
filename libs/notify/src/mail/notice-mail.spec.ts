import { WAITS } from '@app/domain';
import { MAIL_AUDIENCES, type MailAudience } from './mail-audience';
import { MAIL_LANGUAGES, type MailLanguage } from './mail-language';
import { PRIVACY_NOTE, type RenderedMail } from './mail-layout';
import { MAIL_TOPICS } from './mail-topic';
import { NOTICE_AUDIENCES, renderNoticeMail, type NoticeMailInput } from './notice-mail';

const URL_ = 'https://pp.example/trajectories/traj-0363-abc';
/** A valid BSN (passes the 11-test) hidden in an id the wording does not know: it must never be shown. */
const BSN = '111222333';
const BSN_SHAPED = /(?<!\d)\d{9}(?!\d)/;

/** Every id any topic reads, so each branch with a deadline or code is rendered. */
const ALL_IDS: Record<string, string> = {
  planVersion: '2',
  deadlineAt: '2026-12-10T16:00:00.000Z',
  startDeadlineAt: '2026-12-21T16:00:00.000Z',
  dueAt: '2026-12-07T08:00:00.000Z',
  overdueAt: '2026-12-21T08:00:00.000Z',
  wait: 'APPROVAL',
  decision: 'APPROVE',
  outcome: 'SCALE_UP',
  freeTextRef: BSN,
};

function notice(overrides: Partial<NoticeMailInput> = {}): NoticeMailInput {
  return {
    topic: 'PLAN_SUBMITTED',
    audience: 'LOCAL_TEAM',
    language: 'nl',
    trajectoryId: 'traj-0363-abc',
    ids: {},
    actionUrl: URL_,
    occurredAt: '2026-12-07T08:30:00.000Z',
    ...overrides,
  };
}

function all(mail: RenderedMail): string {
  return `${mail.subject}\n${mail.text}\n${mail.html}`;
}

describe('renderNoticeMail', () => {
  const cases: Array<[string, MailAudience, MailLanguage]> = MAIL_TOPICS.flatMap((topic) =>
    NOTICE_AUDIENCES[topic].flatMap((audience) =>
      MAIL_LANGUAGES.map((language): [string, MailAudience, MailLanguage] => [topic, audience, language]),
    ),
  );

  it('has at least one audience for every topic', () => {
    for (const topic of MAIL_TOPICS) expect(NOTICE_AUDIENCES[topic].length).toBeGreaterThan(0);
  });

  it.each(cases)(
    '%s to %s in %s: subject with the id, link, role, privacy note, no personal data',
    (topic, audience, language) => {
      const mail = renderNoticeMail(
        notice({ topic, audience, language, ids: ALL_IDS, escalationId: 'esc-7' }),
      );

      expect(mail.subject).toContain('traj-0363-abc');
      expect(mail.subject.length).toBeLessThanOrEqual(100);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.text).toContain(URL_);
      expect(mail.html).toContain(`href="${URL_}"`);
      expect(mail.html).toContain(`<html lang="${language}">`);
      expect(mail.text).toContain(PRIVACY_NOTE[language]);
      expect(mail.html).toContain(PRIVACY_NOTE[language]);
      expect(mail.text).toContain(
        language === 'nl' ? 'U ontvangt dit bericht omdat u als' : 'You receive this message because',
      );
      expect(mail.text).toContain(
        language === 'nl' ? 'Zaak doorbraaktafel: esc-7' : 'Breakthrough-table case: esc-7',
      );
      expect(mail.text).toContain(
        language === 'nl' ? '7 december 2026 om 09:30' : '7 December 2026 at 09:30',
      );

      const everything = all(mail);
      expect(everything).not.toMatch(BSN_SHAPED);
      expect(everything).not.toMatch(/undefined|NaN|\[object|Invalid Date/);
      // The two languages are not mixed up: no English in the Dutch mail, no Dutch in the English one.
      if (language === 'nl') expect(mail.text).not.toMatch(/\b(the|you|Please)\b/);
      else expect(mail.text).not.toMatch(/\b(het|uw|een|Bekijk)\b/);
    },
  );

  it('renders the facts without a task for a role a topic is not written for', () => {
    for (const topic of MAIL_TOPICS) {
      for (const audience of MAIL_AUDIENCES) {
        const mail = renderNoticeMail(notice({ topic, audience, ids: ALL_IDS }));
        expect(mail.subject).toContain('traj-0363-abc');
        expect(mail.text).toContain(URL_);
      }
    }
  });

  it('throws a RangeError for an unknown topic', () => {
    expect(() => renderNoticeMail(notice({ topic: 'PLAN_EATEN' }))).toThrow(RangeError);
    expect(() => renderNoticeMail(notice({ topic: 'toString' }))).toThrow(RangeError);
  });

  it('throws a RangeError for a link that is not an absolute http(s) URL', () => {
    expect(() => renderNoticeMail(notice({ actionUrl: 'javascript:alert(1)' }))).toThrow(RangeError);
    expect(() => renderNoticeMail(notice({ actionUrl: '/trajectories/traj-1' }))).toThrow(RangeError);
  });

  it('escapes every interpolated value in the HTML', () => {
    const mail = renderNoticeMail(
      notice({
        trajectoryId: 'traj-<script>alert(1)</script>',
        escalationId: 'esc-"><img src=x onerror=alert(1)>',
        actionUrl: 'https://pp.example/t?next="><script>alert(2)</script>',
      }),
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('traj-&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain(
      'href="https://pp.example/t?next=&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"',
    );
    // The plain-text version is not HTML: it carries the id as it is.
    expect(mail.text).toContain('traj-<script>alert(1)</script>');
  });

  it('keeps the subject on one line whatever the id holds', () => {
    const mail = renderNoticeMail(notice({ trajectoryId: 'traj-1\r\nBcc: someone@example.org' }));
    expect(mail.subject).toBe('Perspectiefplan ter beoordeling – traj-1 Bcc: someone@example.org');
  });

  it('shows none of the ids it does not know', () => {
    const mail = renderNoticeMail(notice({ ids: { note: 'secret-code-42', reasonCode: 'OTHER_REASON' } }));
    expect(all(mail)).not.toContain('secret-code-42');
    expect(all(mail)).not.toContain('OTHER_REASON');
  });

  it('asks the local team in Dutch to assess a submitted plan before its deadline', () => {
    const mail = renderNoticeMail(
      notice({ ids: { planVersion: '3', deadlineAt: '2026-12-10T16:00:00.000Z' } }),
    );
    expect(mail.subject).toBe('Perspectiefplan ter beoordeling – traj-0363-abc');
    expect(mail.text).toContain(
      'Er ligt een perspectiefplan klaar voor uw beoordeling. Het gaat om versie 3.',
    );
    expect(mail.text).toContain('Beoordeel het plan vóór 10 december 2026 om 17:00');
    expect(mail.text).toContain(`Plan beoordelen: ${URL_}`);
    expect(mail.text).toContain('als medewerker van het lokaal team');
  });

  describe('DECISION_ISSUED', () => {
    const decision = (
      language: MailLanguage,
      ids: Record<string, string>,
      audience: MailAudience = 'PROVIDER',
    ) => renderNoticeMail(notice({ topic: 'DECISION_ISSUED', audience, language, ids }));

    it('asks the provider to confirm the start of care before the start deadline', () => {
      const nl = decision('nl', { startDeadlineAt: '2026-12-21T16:00:00.000Z' });
      expect(nl.text).toContain('De gemeente heeft de beschikking afgegeven');
      expect(nl.text).toContain('Bevestig de start van de zorg vóór 21 december 2026 om 17:00.');
      expect(nl.text).toContain('als zorgaanbieder');
      const en = decision('en', { startDeadlineAt: '2026-12-21T16:00:00.000Z' });
      expect(en.subject).toBe('Decision issued: confirm the start of care – traj-0363-abc');
      expect(en.text).toContain('Please confirm the start of care before 21 December 2026 at 17:00.');
    });

    it('names no date when there is no start deadline', () => {
      const mail = decision('nl', {});
      expect(mail.text).toContain('Bevestig de start van de zorg zodra u begint.');
      expect(mail.text).not.toContain('vóór');
    });

    it('gives the drafters no task of the provider', () => {
      const mail = decision('nl', { startDeadlineAt: '2026-12-21T16:00:00.000Z' }, 'DRAFTERS');
      expect(mail.text).not.toContain('Bevestig de start');
      expect(mail.text).toContain('Beschikking bekijken');
    });
  });

  describe('deadline reminders and overdue waits', () => {
    it('says in words what must be done before which date', () => {
      const nl = renderNoticeMail(
        notice({
          topic: 'DEADLINE_APPROACHING',
          ids: { wait: 'APPROVAL', deadlineAt: '2026-12-10T16:00:00.000Z' },
        }),
      );
      expect(nl.subject).toBe('Herinnering: beoordeling perspectiefplan – traj-0363-abc');
      expect(nl.text).toContain(
        'U heeft tot 10 december 2026 om 17:00 om het ingediende perspectiefplan te beoordelen.',
      );
      const en = renderNoticeMail(
        notice({
          topic: 'DEADLINE_APPROACHING',
          audience: 'DRAFTERS',
          language: 'en',
          ids: { wait: 'SIGNATURES', deadlineAt: '2026-12-10T16:00:00.000Z' },
        }),
      );
      expect(en.text).toContain(
        'You have until 10 December 2026 at 17:00 to sign the submitted perspective plan.',
      );
    });

    it('says when the deadline passed', () => {
      const mail = renderNoticeMail(
        notice({
          topic: 'WAIT_OVERDUE',
          audience: 'PROVIDER',
          ids: { wait: 'PROVIDER_START', deadlineAt: '2026-12-10T16:00:00.000Z' },
        }),
      );
      expect(mail.subject).toBe('Termijn verstreken: start van de zorg – traj-0363-abc');
      expect(mail.text).toContain(
        'De termijn om de start van de zorg te bevestigen is verstreken op 10 december 2026 om 17:00.',
      );
    });

    it('has its own words for every wait of the lifecycle, in both languages', () => {
      for (const wait of Object.keys(WAITS)) {
        for (const language of MAIL_LANGUAGES) {
          const text = renderNoticeMail(
            notice({
              topic: 'DEADLINE_APPROACHING',
              language,
              ids: { wait, deadlineAt: '2026-12-10T16:00:00Z' },
            }),
          ).text;
          expect(text).not.toContain(language === 'nl' ? 'openstaande actie' : 'pending action');
        }
      }
    });

    it('still makes sense for a wait kind it does not know', () => {
      const mail = renderNoticeMail(
        notice({ topic: 'WAIT_OVERDUE', ids: { wait: 'SOMETHING_NEW', deadlineAt: '2026-12-10T16:00:00Z' } }),
      );
      expect(mail.text).toContain(
        'De termijn om de openstaande actie af te ronden is verstreken op 10 december 2026 om 17:00.',
      );
      expect(mail.text).not.toContain('SOMETHING_NEW');
    });
  });

  describe('arrangement changes', () => {
    it('asks the local team to decide on a filed change', () => {
      const mail = renderNoticeMail(
        notice({ topic: 'ARRANGEMENT_CHANGE_REQUESTED', ids: { changeId: 'traj-1-chg-1' } }),
      );
      expect(mail.text).toContain('Er is een wijziging van het arrangement aangevraagd.');
      expect(mail.text).toContain('Neem een besluit over de aanvraag');
    });

    it('asks the requester to file the change an evaluation asked for', () => {
      const mail = renderNoticeMail(
        notice({ topic: 'ARRANGEMENT_CHANGE_REQUESTED', audience: 'PROVIDER', ids: { direction: 'DOWN' } }),
      );
      expect(mail.text).toContain('Uit de evaluatie blijkt dat de zorg moet worden afgeschaald.');
      expect(mail.text).toContain('Vraag een wijziging van het arrangement aan.');
    });

    it.each([
      ['APPROVE', 'is goedgekeurd'],
      ['REJECT', 'is afgewezen'],
      ['REQUEST_CHANGES', 'Pas de aanvraag aan en dien die opnieuw in'],
      ['LAPSED', 'is vervallen'],
    ])('words the decision %s', (decision, words) => {
      const mail = renderNoticeMail(
        notice({ topic: 'ARRANGEMENT_CHANGE_DECIDED', audience: 'PROVIDER', ids: { decision } }),
      );
      expect(mail.text).toContain(words);
    });
  });

  it('tells contract management the table is late and that it never approves by itself', () => {
    const nl = renderNoticeMail(
      notice({
        topic: 'TABLE_OVERDUE',
        audience: 'CONTRACT_MANAGEMENT',
        escalationId: 'esc-9',
        ids: { deadlineAt: '2026-12-10T16:00:00Z' },
      }),
    );
    expect(nl.text).toContain(
      'De doorbraaktafel heeft niet op tijd een besluit genomen over deze zaak (termijn: 10 december 2026 om 17:00).',
    );
    expect(nl.text).toContain('niet automatisch goedgekeurd');
    expect(nl.text).toContain('als medewerker contractmanagement');
    const en = renderNoticeMail(
      notice({ topic: 'TABLE_OVERDUE', audience: 'CONTRACT_MANAGEMENT', language: 'en' }),
    );
    expect(en.text).toContain('never approved automatically');
  });

  it('shows a proposed evaluation outcome it knows, and never a raw code', () => {
    const known = renderNoticeMail(notice({ topic: 'EVALUATION_PROPOSED', ids: { outcome: 'COMPLETE' } }));
    expect(known.text).toContain('Voorgestelde uitkomst: de zorg afronden.');
    const unknown = renderNoticeMail(
      notice({ topic: 'EVALUATION_PROPOSED', ids: { outcome: 'constructor' } }),
    );
    expect(unknown.text).not.toContain('Voorgestelde uitkomst');
  });

  it('refuses a malformed deadline rather than print a wrong date', () => {
    expect(() =>
      renderNoticeMail(
        notice({ topic: 'DEADLINE_APPROACHING', ids: { wait: 'APPROVAL', deadlineAt: '10-12-2026' } }),
      ),
    ).toThrow(RangeError);
  });
});
