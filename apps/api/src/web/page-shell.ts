/** The pages for people (domain.md §4, §6): each is this shell plus one ES module that renders it from the API. */
export type PageName =
  'sign-in' | 'docket' | 'case' | 'timeline' | 'dashboard' | 'finance' | 'local-team' | 'provider' | 'family';

/** Dutch first (the users' language), English as the alternative (issue 18). */
export type PageLanguage = 'nl' | 'en';
export const PAGE_LANGUAGES: readonly PageLanguage[] = ['nl', 'en'];

export interface PageSettings {
  temporalUiUrl: string;
  temporalNamespace: string;
  language: PageLanguage;
}

const TITLES: Record<PageLanguage, Record<PageName, string>> = {
  nl: {
    'sign-in': 'Inloggen',
    docket: 'Agenda van de doorbraaktafel',
    case: 'Zaak aan de doorbraaktafel',
    timeline: 'Tijdlijn van het traject',
    dashboard: 'Monitoringdashboard',
    finance: 'Financiën',
    'local-team': 'Werkplek lokaal team',
    provider: 'Werkplek aanbieder',
    family: 'Mijn plan',
  },
  en: {
    'sign-in': 'Sign in',
    docket: 'Breakthrough table docket',
    case: 'Case at the breakthrough table',
    timeline: 'Trajectory timeline',
    dashboard: 'Monitoring dashboard',
    finance: 'Finance',
    'local-team': 'Local team workspace',
    provider: 'Provider workspace',
    family: 'My plan',
  },
};

const SHELL: Record<PageLanguage, Record<string, string>> = {
  nl: {
    brand: 'Perspectiefplannen',
    table: 'Doorbraaktafel',
    monitoring: 'Monitoring',
    finance: 'Financiën',
    localTeam: 'Lokaal team',
    provider: 'Aanbieder',
    trajectoryId: 'Trajectnummer',
    timeline: 'Tijdlijn',
    signOut: 'Uitloggen',
    loading: 'Laden…',
    other: 'English',
  },
  en: {
    brand: 'Perspective-plan approvals',
    table: 'Breakthrough table',
    monitoring: 'Monitoring',
    finance: 'Finance',
    localTeam: 'Local team',
    provider: 'Provider',
    trajectoryId: 'Trajectory id',
    timeline: 'Timeline',
    signOut: 'Sign out',
    loading: 'Loading…',
    other: 'Nederlands',
  },
};

/**
 * Self only, nothing inline: scripts, styles, data and images come from this origin (the data: image is the
 * empty favicon). Pages cannot be framed, and forms only post here.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function nav(page: PageName, text: Record<string, string>): string {
  if (page === 'sign-in') return '';
  // The family sees its own page only: no professionals' navigation, no trajectory search.
  if (page === 'family') {
    return `<div class="who"><span id="who"></span><button id="sign-out" type="button">${text.signOut}</button></div>`;
  }
  const link = (href: string, key: string, label: string) =>
    `<a href="${href}" data-nav="${key}"${key === page ? ' aria-current="page"' : ''}>${label}</a>`;
  return `<nav class="nav">
      ${link('/ui/local-team', 'local-team', text.localTeam)}
      ${link('/ui/provider', 'provider', text.provider)}
      ${link('/ui/docket', 'docket', text.table)}
      ${link('/ui/dashboard', 'dashboard', text.monitoring)}
      ${link('/ui/finance', 'finance', text.finance)}
      <form id="goto-trajectory" class="goto" role="search">
        <label for="goto-id" class="sr-only">${text.trajectoryId}</label>
        <input id="goto-id" name="trajectoryId" placeholder="trajectory-GM0405-…" autocomplete="off" />
        <button type="submit">${text.timeline}</button>
      </form>
    </nav>
    <div class="who"><span id="who"></span><button id="sign-out" type="button">${text.signOut}</button></div>`;
}

/** The HTML of one page; the module `/ui/assets/<page>.js` fills `<main>`. */
export function pageShell(page: PageName, settings: PageSettings): string {
  const language = settings.language;
  const text = SHELL[language];
  const other: PageLanguage = language === 'nl' ? 'en' : 'nl';
  return `<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="temporal-ui" content="${escapeHtml(settings.temporalUiUrl)}" />
    <meta name="temporal-namespace" content="${escapeHtml(settings.temporalNamespace)}" />
    <title>${TITLES[language][page]} · ${text.brand}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/ui/assets/app.css" />
    <script type="module" src="/ui/assets/${page}.js"></script>
  </head>
  <body data-page="${page}">
    <header class="top">
      <a class="brand" href="/ui">${text.brand}</a>
      ${nav(page, text)}
      <a class="language" id="language-switch" href="?lang=${other}" lang="${other}" hreflang="${other}">${text.other}</a>
    </header>
    <main id="main" aria-live="polite"><p class="muted">${text.loading}</p></main>
  </body>
</html>
`;
}
