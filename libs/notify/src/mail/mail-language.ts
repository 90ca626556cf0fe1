/**
 * The languages a mail to a person is written in: Dutch first, the municipality's working language, and
 * English for recipients who asked for it.
 */
export const MAIL_LANGUAGES = ['nl', 'en'] as const;

export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** The Dutch or the English of a phrase, kept side by side where it is written so translations stay in step. */
export function inLanguage(language: MailLanguage, nl: string, en: string): string {
  return language === 'nl' ? nl : en;
}
