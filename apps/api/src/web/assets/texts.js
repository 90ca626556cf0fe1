/* global document */
// Dutch first, English as the alternative (issue 18): the page's language is the shell's <html lang>, chosen by
// the server (?lang=en|nl, remembered in a cookie). Texts by key; numbers, money and dates the Dutch way.

export const LANG = document.documentElement.lang === 'en' ? 'en' : 'nl';
export const LOCALE = LANG === 'en' ? 'en-GB' : 'nl-NL';

const TEXTS = {
  nl: {
    'error.title': 'Fout',
    'value.none': 'n.v.t.',
    'sign-in.title': 'Inloggen',
    'sign-in.lead': 'Log in met het account van uw organisatie.',
    'sign-in.provider': 'Inloggen',
    'sign-in.failed': 'Inloggen is niet gelukt. Probeer het opnieuw.',
    'sign-in.token.title': 'Inloggen met een token (ontwikkeling)',
    'sign-in.token.lead':
      'Plak een bearer-token. Het blijft alleen in dit browsertabblad (sessionStorage) en gaat met elk verzoek mee; de API bepaalt met de rollen en gemeenten wat u mag zien en doen.',
    'sign-in.token.label': 'Bearer-token',
    'sign-in.token.submit': 'Inloggen',
    'sign-in.token.not-jwt': 'Dat is geen bearer-token (JWT) van deze API.',
    'sign-in.token.expired': 'Dat token is verlopen: maak een nieuw.',
    'sign-in.token.dev': 'Lokale ontwikkeling: ',
    'sign-in.signed-in': 'Ingelogd als {who} ({roles}). ',
    'sign-in.continue': 'Verder',
    'docket.title': 'Agenda van de doorbraaktafel',
    'docket.summary': '{open} open {cases}, {overdue} te laat. ',
    'docket.case': 'zaak',
    'docket.cases': 'zaken',
    'docket.never': 'De tafel keurt nooit vanzelf goed: een zaak wacht op haar besluit (decisions.md 10).',
    'docket.open': 'Open escalaties',
    'docket.empty': 'Niets op de agenda.',
    'docket.col.case': 'Zaak',
    'docket.col.trigger': 'Aanleiding',
    'docket.col.context': 'Context',
    'docket.col.status': 'Status',
    'docket.col.waiting': 'Dagen wachtend',
    'docket.waiting': '{working} werkdagen ({calendar} kalenderdagen)',
    'docket.col.deadline': 'Uiterste datum',
    'docket.col.municipality': 'Gemeente',
    'docket.col.provider': 'Aanbieder',
    'docket.col.asked': 'Gevraagd arrangement',
    'docket.col.offered': 'Aangeboden',
    'docket.col.rounds': 'Rondes',
    'docket.col.overdue': 'Te laat',
    'docket.overdue': 'TE LAAT',
    'docket.on-time': 'op tijd',
  },
  en: {
    'error.title': 'Error',
    'value.none': 'n/a',
    'sign-in.title': 'Sign in',
    'sign-in.lead': "Sign in with your organisation's account.",
    'sign-in.provider': 'Sign in',
    'sign-in.failed': 'Signing in did not succeed. Please try again.',
    'sign-in.token.title': 'Sign in with a token (development)',
    'sign-in.token.lead':
      'Paste a bearer token. It is kept in this browser tab only (sessionStorage) and sent to the API with every request; the API decides what you may see and do by its roles and municipalities.',
    'sign-in.token.label': 'Bearer token',
    'sign-in.token.submit': 'Sign in',
    'sign-in.token.not-jwt': 'That is not a bearer token (JWT) of this API.',
    'sign-in.token.expired': 'That token has expired: mint a new one.',
    'sign-in.token.dev': 'Local development: ',
    'sign-in.signed-in': 'Signed in as {who} ({roles}). ',
    'sign-in.continue': 'Continue',
    'docket.title': 'Breakthrough table docket',
    'docket.summary': '{open} open {cases}, {overdue} overdue. ',
    'docket.case': 'case',
    'docket.cases': 'cases',
    'docket.never': 'The table never approves by default: a case waits for its decision (decisions.md 10).',
    'docket.open': 'Open escalations',
    'docket.empty': 'Nothing on the docket.',
    'docket.col.case': 'Case',
    'docket.col.trigger': 'Trigger',
    'docket.col.context': 'Context',
    'docket.col.status': 'Status',
    'docket.col.waiting': 'Days waiting',
    'docket.waiting': '{working} working ({calendar} calendar)',
    'docket.col.deadline': 'Deadline',
    'docket.col.municipality': 'Municipality',
    'docket.col.provider': 'Provider',
    'docket.col.asked': 'Arrangement asked',
    'docket.col.offered': 'Offered',
    'docket.col.rounds': 'Rounds',
    'docket.col.overdue': 'Overdue',
    'docket.overdue': 'OVERDUE',
    'docket.on-time': 'on time',
  },
};

/** The text of a key in the page's language, with `{name}` filled from `vars`; the key itself when missing. */
export function t(key, vars = {}) {
  const text = TEXTS[LANG][key] ?? TEXTS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}
