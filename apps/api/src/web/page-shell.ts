/** The pages for people (domain.md §4, §6): each is this shell plus one ES module that renders it from the API. */
export type PageName = 'sign-in' | 'docket' | 'case' | 'timeline' | 'dashboard';

export interface PageSettings {
  temporalUiUrl: string;
  temporalNamespace: string;
}

const TITLES: Record<PageName, string> = {
  'sign-in': 'Sign in',
  docket: 'Breakthrough table docket',
  case: 'Case at the breakthrough table',
  timeline: 'Trajectory timeline',
  dashboard: 'Monitoring dashboard',
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

function nav(page: PageName): string {
  if (page === 'sign-in') return '';
  const link = (href: string, key: string, label: string) =>
    `<a href="${href}" data-nav="${key}"${key === page ? ' aria-current="page"' : ''}>${label}</a>`;
  return `<nav class="nav">
      ${link('/ui/docket', 'docket', 'Breakthrough table')}
      ${link('/ui/dashboard', 'dashboard', 'Monitoring')}
      <form id="goto-trajectory" class="goto" role="search">
        <label for="goto-id" class="sr-only">Trajectory id</label>
        <input id="goto-id" name="trajectoryId" placeholder="trajectory-GM0405-…" autocomplete="off" />
        <button type="submit">Timeline</button>
      </form>
    </nav>
    <div class="who"><span id="who"></span><button id="sign-out" type="button">Sign out</button></div>`;
}

/** The HTML of one page; the module `/ui/assets/<page>.js` fills `<main>`. */
export function pageShell(page: PageName, settings: PageSettings): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="temporal-ui" content="${escapeHtml(settings.temporalUiUrl)}" />
    <meta name="temporal-namespace" content="${escapeHtml(settings.temporalNamespace)}" />
    <title>${TITLES[page]} · Perspective-plan approvals</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/ui/assets/app.css" />
    <script type="module" src="/ui/assets/${page}.js"></script>
  </head>
  <body data-page="${page}">
    <header class="top">
      <a class="brand" href="/ui">Perspective-plan approvals</a>
      ${nav(page)}
    </header>
    <main id="main" aria-live="polite"><p class="muted">Loading…</p></main>
  </body>
</html>
`;
}
