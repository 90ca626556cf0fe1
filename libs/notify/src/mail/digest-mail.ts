import { formatDateTime, formatLocalDay } from './dutch-format';
import { audienceRole, type MailAudience } from './mail-audience';
import { inLanguage, type MailLanguage } from './mail-language';
import { layoutMail, type MailListEntry, type MailSection, type RenderedMail } from './mail-layout';

/** What waits in a digest line; the worklist's kinds of work. */
export type DigestItemKind =
  | 'AWAITING_APPROVAL'
  | 'APPROVAL_OVERDUE'
  | 'STATUTORY_DEADLINE'
  | 'EVALUATION_DUE'
  | 'EVALUATION_OVERDUE'
  | 'START_PENDING'
  | 'START_OVERDUE'
  | 'TABLE_CASE_OPEN'
  | 'TABLE_CASE_OVERDUE';

export interface DigestItem {
  kind: DigestItemKind;
  /** The trajectory's pseudonymous id. */
  trajectoryId: string;
  escalationId?: string;
  /** ISO instant, or null for work without a deadline. */
  deadlineAt: string | null;
  overdue: boolean;
  /** Absolute URL of the page where the recipient acts on this item. */
  actionUrl: string;
}

export interface DigestMailInput {
  language: MailLanguage;
  audience: MailAudience;
  /** The local day the digest covers, YYYY-MM-DD. */
  date: string;
  items: DigestItem[];
  /** Absolute URL of the recipient's worklist. */
  worklistUrl: string;
}

const KIND_LABELS: Record<DigestItemKind, { nl: string; en: string }> = {
  AWAITING_APPROVAL: {
    nl: 'Perspectiefplan wacht op beoordeling',
    en: 'Perspective plan awaiting assessment',
  },
  APPROVAL_OVERDUE: { nl: 'Beoordeling perspectiefplan te laat', en: 'Perspective plan assessment overdue' },
  STATUTORY_DEADLINE: {
    nl: 'Wettelijke beslistermijn loopt af',
    en: 'Statutory decision period running out',
  },
  EVALUATION_DUE: { nl: 'Evaluatie te houden', en: 'Evaluation due' },
  EVALUATION_OVERDUE: { nl: 'Evaluatie te laat', en: 'Evaluation overdue' },
  START_PENDING: { nl: 'Start van de zorg nog niet bevestigd', en: 'Start of care not yet confirmed' },
  START_OVERDUE: { nl: 'Start van de zorg te laat', en: 'Start of care overdue' },
  TABLE_CASE_OPEN: { nl: 'Zaak aan de doorbraaktafel', en: 'Breakthrough-table case open' },
  TABLE_CASE_OVERDUE: { nl: 'Zaak doorbraaktafel over de termijn', en: 'Breakthrough-table case overdue' },
};

/** Infinity for no deadline: last, and two of them compare as NaN, which falls through to the ties. */
function deadlineMs(item: DigestItem): number {
  return item.deadlineAt === null ? Number.POSITIVE_INFINITY : Date.parse(item.deadlineAt);
}

/**
 * The order a digest reads in: overdue work first, then by deadline, soonest first, work without a deadline
 * last; ties by trajectory id and kind so the same worklist always gives the same mail.
 */
export function orderDigestItems(items: readonly DigestItem[]): DigestItem[] {
  return [...items].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      deadlineMs(a) - deadlineMs(b) ||
      a.trajectoryId.localeCompare(b.trajectoryId) ||
      a.kind.localeCompare(b.kind),
  );
}

function entryOf(item: DigestItem, language: MailLanguage): MailListEntry {
  const t = (nl: string, en: string) => inLanguage(language, nl, en);
  const label = KIND_LABELS[item.kind];
  if (label === undefined) throw new RangeError(`unknown digest item kind: ${JSON.stringify(item.kind)}`);
  const details = [`${t('Traject', 'Trajectory')} ${item.trajectoryId}`];
  if (item.escalationId !== undefined) {
    details.push(`${t('Zaak doorbraaktafel', 'Breakthrough-table case')} ${item.escalationId}`);
  }
  if (item.deadlineAt === null) {
    details.push(t('Geen termijn', 'No deadline'));
  } else {
    const at = formatDateTime(item.deadlineAt, language);
    details.push(
      item.overdue
        ? t(`Termijn verstreken: ${at}`, `Deadline passed: ${at}`)
        : t(`Termijn: ${at}`, `Deadline: ${at}`),
    );
  }
  return {
    title: t(label.nl, label.en),
    details,
    link: {
      label: t(`Traject ${item.trajectoryId} openen`, `Open trajectory ${item.trajectoryId}`),
      url: item.actionUrl,
    },
  };
}

/**
 * The daily overview (dagoverzicht) of what waits for one person: a count in the subject, overdue work
 * first, each item with its trajectory id, deadline and link, and a link to the worklist. With no items it
 * says that nothing waits; whether to send that is the caller's choice.
 */
export function renderDigestMail(input: DigestMailInput): RenderedMail {
  const { language } = input;
  const t = (nl: string, en: string) => inLanguage(language, nl, en);
  const day = formatLocalDay(input.date, language);
  const ordered = orderDigestItems(input.items);
  const total = ordered.length;
  const late = ordered.filter((item) => item.overdue).length;

  let subject: string;
  let summary: string;
  if (total === 0) {
    subject = t(`Dagoverzicht ${day}: niets wacht op u`, `Daily overview ${day}: nothing is waiting for you`);
    summary = t('Er wacht vandaag niets op u.', 'Nothing is waiting for you today.');
  } else {
    const nlLate = late > 0 ? `, waarvan ${late} te laat` : '';
    const enLate = late > 0 ? `, ${late} overdue` : '';
    subject = t(
      `Dagoverzicht ${day}: ${total} ${total === 1 ? 'wacht' : 'wachten'} op u${nlLate}`,
      `Daily overview ${day}: ${total} waiting for you${enLate}`,
    );
    summary = t(
      `Er ${total === 1 ? 'staat 1 taak' : `staan ${total} taken`} voor u klaar${nlLate}. Wat te laat is, staat bovenaan.`,
      `${total === 1 ? '1 task is' : `${total} tasks are`} waiting for you${late > 0 ? `, ${late} of them overdue` : ''}. Overdue work is listed first.`,
    );
  }

  const sections: MailSection[] = [];
  const overdue = ordered.filter((item) => item.overdue);
  const waiting = ordered.filter((item) => !item.overdue);
  if (overdue.length > 0) {
    sections.push({
      title: t(`Te laat (${overdue.length})`, `Overdue (${overdue.length})`),
      entries: overdue.map((item) => entryOf(item, language)),
    });
  }
  if (waiting.length > 0) {
    sections.push({
      title: t(`Wacht op u (${waiting.length})`, `Waiting for you (${waiting.length})`),
      entries: waiting.map((item) => entryOf(item, language)),
    });
  }

  return layoutMail({
    language,
    subject,
    heading: t(`Dagoverzicht ${day}`, `Daily overview ${day}`),
    paragraphs: [summary],
    sections,
    action: { label: t('Naar uw werklijst', 'Go to your worklist'), url: input.worklistUrl },
    facts: [],
    reason: t(
      `U ontvangt dit dagoverzicht als ${audienceRole(input.audience, language)}.`,
      `You receive this daily overview as ${audienceRole(input.audience, language)}.`,
    ),
  });
}
