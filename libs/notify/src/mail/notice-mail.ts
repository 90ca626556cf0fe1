import { formatDate, formatDateTime } from './dutch-format';
import { audienceRole, type MailAudience } from './mail-audience';
import { inLanguage, type MailLanguage } from './mail-language';
import { layoutMail, type MailFact, type RenderedMail } from './mail-layout';
import { isMailTopic, type MailTopic } from './mail-topic';
import { NOTICE_WORDING, type NoticeContext } from './notice-wording';

/**
 * One notice to one person about one trajectory. Ids and codes only: the mail never carries personal data
 * (no names, BSN, addresses or free text), and only the ids the wording knows are shown at all.
 */
export interface NoticeMailInput {
  /** One of MAIL_TOPICS. */
  topic: string;
  audience: MailAudience;
  language: MailLanguage;
  /** The trajectory's pseudonymous id, e.g. 'traj-0363-abc'. */
  trajectoryId: string;
  /** The breakthrough-table case (escalation) the notice is about, if any. */
  escalationId?: string;
  /** Codes, ids and ISO instants, e.g. { wait: 'APPROVAL', deadlineAt: '2026-12-10T16:00:00.000Z' }. */
  ids: Record<string, string>;
  /** Absolute URL of the page where the recipient acts. */
  actionUrl: string;
  /** ISO instant of what happened. */
  occurredAt: string;
}

/** The roles each topic is written for; the renderer gives any other role the facts without a task. */
export const NOTICE_AUDIENCES: Readonly<Record<MailTopic, readonly MailAudience[]>> = Object.fromEntries(
  Object.entries(NOTICE_WORDING).map(([topic, wording]) => [topic, wording.audiences]),
) as Record<MailTopic, readonly MailAudience[]>;

function contextOf(input: NoticeMailInput): NoticeContext {
  const { language, ids } = input;
  const present = (key: string) => (Object.hasOwn(ids, key) ? ids[key] : undefined);
  return {
    audience: input.audience,
    language,
    ids,
    t: (nl, en) => inLanguage(language, nl, en),
    when: (key) => {
      const value = present(key);
      return value === undefined ? undefined : formatDateTime(value, language);
    },
    day: (key) => {
      const value = present(key);
      return value === undefined ? undefined : formatDate(value, language);
    },
  };
}

/**
 * A notice as a mail (kennisgeving): what happened, what the recipient must do and by when, a link to act,
 * and why they got it. The subject names the trajectory by its pseudonymous id so a recipient can find it.
 * Throws a RangeError for an unknown topic and for a malformed date id or link (a caller's bug).
 */
export function renderNoticeMail(input: NoticeMailInput): RenderedMail {
  if (!isMailTopic(input.topic)) throw new RangeError(`unknown mail topic: ${JSON.stringify(input.topic)}`);
  const { language } = input;
  const t = (nl: string, en: string) => inLanguage(language, nl, en);
  const words = NOTICE_WORDING[input.topic].write(contextOf(input));
  const facts: MailFact[] = [{ label: t('Traject', 'Trajectory'), value: input.trajectoryId }];
  if (input.escalationId !== undefined) {
    facts.push({ label: t('Zaak doorbraaktafel', 'Breakthrough-table case'), value: input.escalationId });
  }
  facts.push({ label: t('Datum', 'Date'), value: formatDateTime(input.occurredAt, language) });
  const role = audienceRole(input.audience, language);
  return layoutMail({
    language,
    subject: `${words.subject} – ${input.trajectoryId}`,
    heading: words.subject,
    paragraphs: words.happened,
    ...(words.todo !== undefined ? { todo: words.todo } : {}),
    action: { label: words.action, url: input.actionUrl },
    facts,
    reason: t(
      `U ontvangt dit bericht omdat u als ${role} bij dit traject betrokken bent.`,
      `You receive this message because you are involved in this trajectory as ${role}.`,
    ),
  });
}
