import { escapeHtml } from './escape-html';
import { mailLink } from './mail-link';
import { inLanguage, type MailLanguage } from './mail-language';

/** A mail ready to send: the subject and the same message as plain text and as HTML. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailLinkTarget {
  label: string;
  url: string;
}

/** One line of a list, e.g. a digest item: what it is, a few details and where to act on it. */
export interface MailListEntry {
  title: string;
  details: string[];
  link: MailLinkTarget;
}

export interface MailSection {
  title: string;
  entries: MailListEntry[];
}

/** A reference shown under the message, e.g. "Traject: traj-0363-abc". */
export interface MailFact {
  label: string;
  value: string;
}

/** What a mail says, in one language; `layoutMail` gives it the same shape in text and HTML. */
export interface MailLayout {
  language: MailLanguage;
  subject: string;
  heading: string;
  /** What happened, one paragraph each. */
  paragraphs: string[];
  /** What the recipient must do and by when, emphasised. */
  todo?: string;
  sections?: MailSection[];
  /** The call to action: the page where the recipient acts. */
  action: MailLinkTarget;
  facts: MailFact[];
  /** Why the recipient got this mail: their role. */
  reason: string;
}

/**
 * Mail is not a safe channel for personal data, so no mail carries any: only pseudonymous ids, codes and
 * dates. Every mail says so, so a recipient does not reply asking for details, and a mail that reaches the
 * wrong inbox discloses nothing.
 */
export const PRIVACY_NOTE: Record<MailLanguage, string> = {
  nl: 'Om privacyredenen staat in dit bericht geen informatie over de cliënt; u ziet alles na het inloggen.',
  en: 'For privacy reasons this message contains no information about the client; you will see everything after logging in.',
};

// Inline styles only: many mail clients drop <style> blocks. Colours keep a contrast of at least 4.5:1.
const STYLE = {
  body: 'margin:0;padding:0;background-color:#f3f3f3;',
  frame:
    'max-width:600px;margin:0 auto;padding:24px;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;',
  h1: 'margin:0 0 16px;font-size:22px;line-height:1.3;',
  h2: 'margin:24px 0 8px;font-size:18px;line-height:1.3;',
  p: 'margin:0 0 16px;',
  todo: 'margin:0 0 16px;font-weight:bold;',
  ul: 'margin:0 0 16px;padding-left:20px;',
  li: 'margin:0 0 12px;',
  link: 'color:#01689b;',
  button:
    'display:inline-block;padding:12px 20px;background-color:#01689b;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px;',
  small: 'margin:0 0 16px;font-size:14px;color:#4a4a4a;',
  rawLink: 'color:#01689b;word-break:break-all;',
  hr: 'border:none;border-top:1px solid #d0d0d0;margin:24px 0 16px;',
  footer: 'margin:0 0 8px;font-size:13px;color:#4a4a4a;',
};

/** One line: a header must not fold, and a subject with line breaks would be read as more headers. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function textVersion(layout: MailLayout, privacy: string): string {
  const lines: string[] = [layout.heading, ''];
  for (const paragraph of layout.paragraphs) lines.push(paragraph, '');
  if (layout.todo !== undefined) lines.push(layout.todo, '');
  for (const section of layout.sections ?? []) {
    lines.push(section.title);
    for (const entry of section.entries) {
      lines.push(`- ${entry.title}`);
      if (entry.details.length > 0) lines.push(`  ${entry.details.join(' · ')}`);
      lines.push(`  ${entry.link.label}: ${entry.link.url}`);
    }
    lines.push('');
  }
  lines.push(`${layout.action.label}: ${layout.action.url}`, '');
  for (const fact of layout.facts) lines.push(`${fact.label}: ${fact.value}`);
  if (layout.facts.length > 0) lines.push('');
  // "-- " is the signature delimiter: clients dim what follows and leave it out of replies.
  lines.push('-- ', layout.reason, privacy, '');
  return lines.join('\n');
}

function htmlVersion(layout: MailLayout, subject: string, privacy: string): string {
  const e = escapeHtml;
  const lang = e(layout.language);
  const parts: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(subject)}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    // The language again on the frame: webmail keeps the body's contents and drops the <html> element.
    `<div role="article" aria-label="${e(subject)}" lang="${lang}" style="${STYLE.frame}">`,
    `<h1 style="${STYLE.h1}">${e(layout.heading)}</h1>`,
  ];
  for (const paragraph of layout.paragraphs) parts.push(`<p style="${STYLE.p}">${e(paragraph)}</p>`);
  if (layout.todo !== undefined) parts.push(`<p style="${STYLE.todo}">${e(layout.todo)}</p>`);
  for (const section of layout.sections ?? []) {
    parts.push(`<h2 style="${STYLE.h2}">${e(section.title)}</h2>`, `<ul style="${STYLE.ul}">`);
    for (const entry of section.entries) {
      const details = entry.details.map((d) => `<br>${e(d)}`).join('');
      const link = `<a href="${e(entry.link.url)}" style="${STYLE.link}">${e(entry.link.label)}</a>`;
      parts.push(`<li style="${STYLE.li}"><strong>${e(entry.title)}</strong>${details}<br>${link}</li>`);
    }
    parts.push('</ul>');
  }
  const url = e(layout.action.url);
  parts.push(
    `<p style="margin:24px 0;"><a href="${url}" style="${STYLE.button}">${e(layout.action.label)}</a></p>`,
    `<p style="${STYLE.small}">${e(
      inLanguage(
        layout.language,
        'Werkt de knop niet? Kopieer dan deze link naar uw browser:',
        'If the button does not work, copy this link into your browser:',
      ),
    )} <a href="${url}" style="${STYLE.rawLink}">${url}</a></p>`,
  );
  if (layout.facts.length > 0) {
    const facts = layout.facts.map((f) => `${e(f.label)}: ${e(f.value)}`).join('<br>');
    parts.push(`<p style="${STYLE.small}">${facts}</p>`);
  }
  parts.push(
    `<hr style="${STYLE.hr}">`,
    `<p style="${STYLE.footer}">${e(layout.reason)}</p>`,
    `<p style="${STYLE.footer}">${e(privacy)}</p>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  );
  return parts.join('\n');
}

/** The text and HTML versions of a mail, with the footer every mail carries (role and privacy note). */
export function layoutMail(layout: MailLayout): RenderedMail {
  mailLink(layout.action.url);
  for (const section of layout.sections ?? []) for (const entry of section.entries) mailLink(entry.link.url);
  const subject = oneLine(layout.subject);
  const privacy = PRIVACY_NOTE[layout.language];
  return { subject, text: textVersion(layout, privacy), html: htmlVersion(layout, subject, privacy) };
}
