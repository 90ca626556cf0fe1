import { SmtpMailer, SmtpSendError, type OutgoingMail } from '../apps/worker/src/delivery/smtp-mailer';
import { renderDigestMail, renderNoticeMail } from '../libs/notify/src/mail';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';

const FROM = 'Perspectiefplan <noreply@perspectiefplan.local>';
const ACTION_URL = 'https://pp.example/trajectories/traj-0363-abc/decision';

describe('SmtpMailer against a real SMTP server', () => {
  let sink: SmtpSink;
  let mailer: SmtpMailer;

  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = new SmtpMailer({
      host: sink.host,
      port: sink.port,
      secure: false,
      from: FROM,
      connectionTimeoutMs: 5_000,
    });
  });

  afterAll(async () => {
    mailer.close();
    await sink.close();
  });

  const decisionNotice = renderNoticeMail({
    topic: 'DECISION_ISSUED',
    audience: 'PROVIDER',
    language: 'nl',
    trajectoryId: 'traj-0363-abc',
    ids: { startDeadlineAt: '2026-12-21T16:00:00.000Z' },
    actionUrl: ACTION_URL,
    occurredAt: '2026-12-07T08:30:00.000Z',
  });

  function outgoing(messageId: string, over: Partial<OutgoingMail> = {}): OutgoingMail {
    return { to: 'planning@aanbieder.example', ...decisionNotice, messageId, language: 'nl', ...over };
  }

  it('delivers a Dutch notice with its subject, language, link and Message-ID', async () => {
    const messageId = '<mail-notice-1@perspectiefplan.local>';
    const result = await mailer.send(outgoing(messageId));
    expect(result.accepted).toBe(true);
    expect(result.response).toMatch(/^250\b/);

    const received = await sink.waitFor((m) => m.messageId === messageId);
    expect(received.from).toBe('noreply@perspectiefplan.local');
    expect(received.to).toEqual(['planning@aanbieder.example']);
    // The en dash and the Dutch letters survive MIME encoding both ways.
    expect(received.subject).toBe('Beschikking afgegeven: bevestig de start van de zorg – traj-0363-abc');
    expect(received.headers['content-language']).toBe('nl');
    expect(received.headers['auto-submitted']).toBe('auto-generated');
    expect(received.text).toContain(ACTION_URL);
    expect(received.text).toContain('Bevestig de start van de zorg vóór 21 december 2026 om 17:00.');
    expect(received.text).toContain('geen informatie over de cliënt');
    expect(received.html).toContain(`href="${ACTION_URL}"`);
    expect(received.html).toContain('<html lang="nl">');
  });

  it('delivers a digest', async () => {
    const digest = renderDigestMail({
      language: 'nl',
      audience: 'LOCAL_TEAM',
      date: '2026-12-07',
      worklistUrl: 'https://pp.example/worklist',
      items: [
        {
          kind: 'APPROVAL_OVERDUE',
          trajectoryId: 'traj-0001-aaa',
          deadlineAt: '2026-12-03T16:00:00.000Z',
          overdue: true,
          actionUrl: 'https://pp.example/trajectories/traj-0001-aaa',
        },
        {
          kind: 'EVALUATION_DUE',
          trajectoryId: 'traj-0002-bbb',
          deadlineAt: null,
          overdue: false,
          actionUrl: 'https://pp.example/trajectories/traj-0002-bbb',
        },
      ],
    });
    const messageId = '<digest-2026-12-07-lt-1@perspectiefplan.local>';
    await mailer.send({ to: 'lt@gemeente.example', ...digest, messageId, language: 'nl' });

    const received = await sink.waitFor((m) => m.messageId === messageId);
    expect(received.subject).toBe('Dagoverzicht 7 december 2026: 2 wachten op u, waarvan 1 te laat');
    expect(received.headers['content-language']).toBe('nl');
    expect(received.text).toContain('https://pp.example/trajectories/traj-0001-aaa');
    expect(received.text).toContain('Naar uw werklijst: https://pp.example/worklist');
    expect(received.html).toContain('href="https://pp.example/trajectories/traj-0002-bbb"');
    expect(received.html).toContain('href="https://pp.example/worklist"');
  });

  it('rejects a send the server answers with 451, and the retry goes through once', async () => {
    const messageId = '<mail-retry-1@perspectiefplan.local>';
    sink.failNext(1);

    const failed = mailer.send(outgoing(messageId));
    await expect(failed).rejects.toBeInstanceOf(SmtpSendError);
    await expect(failed).rejects.toMatchObject({ responseCode: 451, permanent: false });
    expect(sink.messages.some((m) => m.messageId === messageId)).toBe(false);

    const retried = await mailer.send(outgoing(messageId));
    expect(retried.accepted).toBe(true);
    await sink.waitFor((m) => m.messageId === messageId);
    expect(sink.messages.filter((m) => m.messageId === messageId)).toHaveLength(1);
  });

  it('sends English with Content-Language en, and extra headers cannot override it', async () => {
    const messageId = '<mail-en-1@perspectiefplan.local>';
    await mailer.send(
      outgoing(messageId, {
        language: 'en',
        headers: { 'content-language': 'nl', 'X-Trajectory': 'traj-0363-abc' },
      }),
    );
    const received = await sink.waitFor((m) => m.messageId === messageId);
    expect(received.headers['content-language']).toBe('en');
    expect(received.headers['x-trajectory']).toBe('traj-0363-abc');
  });

  it('logs in when the settings have a user', async () => {
    const withLogin = new SmtpMailer({
      host: sink.host,
      port: sink.port,
      secure: false,
      user: 'relay-user',
      password: 'relay-password',
      from: FROM,
    });
    try {
      const messageId = '<mail-auth-1@perspectiefplan.local>';
      expect((await withLogin.send(outgoing(messageId))).accepted).toBe(true);
      const received = await sink.waitFor((m) => m.messageId === messageId);
      expect(received.user).toBe('relay-user');
    } finally {
      withLogin.close();
    }
  });

  it('refuses a Message-ID that receivers could not de-duplicate on', async () => {
    await expect(mailer.send(outgoing('mail-1'))).rejects.toBeInstanceOf(RangeError);
  });
});
