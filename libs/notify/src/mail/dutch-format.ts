import type { MailLanguage } from './mail-language';

/**
 * Dates as people in the Netherlands read them: on the Amsterdam wall clock whatever the server's zone, in
 * words ("7 december 2026 om 09:30"; English "7 December 2026 at 09:30"). Mail rendering runs in the
 * worker, outside Temporal's sandbox, so it may use Intl and its time-zone data.
 */
export const MAIL_TIME_ZONE = 'Europe/Amsterdam';

const LOCALES: Record<MailLanguage, string> = { nl: 'nl-NL', en: 'en-GB' };
const AT: Record<MailLanguage, string> = { nl: 'om', en: 'at' };

/** An instant with an explicit zone: without one, `Date` would read it in the host's zone. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

// Building a DateTimeFormat is costly; one per language and shape, made on first use.
const formats = new Map<string, Intl.DateTimeFormat>();

function format(language: MailLanguage, shape: 'date' | 'time' | 'day'): Intl.DateTimeFormat {
  const key = `${language}:${shape}`;
  let made = formats.get(key);
  if (made === undefined) {
    made = new Intl.DateTimeFormat(
      LOCALES[language],
      shape === 'time'
        ? { timeZone: MAIL_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : // A plain calendar day has no zone of its own: read it at UTC so it is never shifted a day.
          {
            timeZone: shape === 'day' ? 'UTC' : MAIL_TIME_ZONE,
            day: 'numeric',
            month: 'long',
            year: 'numeric',
          },
    );
    formats.set(key, made);
  }
  return made;
}

function instant(iso: string): Date {
  const date = new Date(iso);
  if (!ISO_INSTANT.test(iso) || Number.isNaN(date.getTime())) {
    throw new RangeError(`not an ISO instant with a zone: ${JSON.stringify(iso)}`);
  }
  return date;
}

/** "7 december 2026" / "7 December 2026": the Amsterdam date of an ISO instant. */
export function formatDate(iso: string, language: MailLanguage): string {
  return format(language, 'date').format(instant(iso));
}

/** "7 december 2026 om 09:30" / "7 December 2026 at 09:30": the Amsterdam date and time of an ISO instant. */
export function formatDateTime(iso: string, language: MailLanguage): string {
  const at = instant(iso);
  return `${format(language, 'date').format(at)} ${AT[language]} ${format(language, 'time').format(at)}`;
}

/** "7 december 2026" for a local calendar day written YYYY-MM-DD (e.g. the day a digest covers). */
export function formatLocalDay(day: string, language: MailLanguage): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (!ISO_DAY.test(day) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new RangeError(`not a calendar day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  }
  return format(language, 'day').format(date);
}
