/* global document, sessionStorage, location, atob */
// Shared by every page: the token in sessionStorage, calls to the API with it, DOM helpers and formats.
// No inline scripts or styles anywhere (Content-Security-Policy: self only).

import { LOCALE, t } from './texts.js';

const TOKEN_KEY = 'perspective-plan.bearer';
const SVG_NS = 'http://www.w3.org/2000/svg';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(value) {
  sessionStorage.setItem(TOKEN_KEY, value);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The claims of a JWT (roles, municipalities, providerId, exp); null when it is not one. */
export function claimsOf(jwt) {
  const part = (jwt ?? '').split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')));
  } catch {
    return null;
  }
}

export function expired(claims) {
  return typeof claims?.exp === 'number' && claims.exp * 1000 <= Date.now();
}

function toSignIn() {
  location.assign(`/ui?next=${encodeURIComponent(location.pathname + location.search)}`);
}

/**
 * A session of the identity provider's sign-in (an HttpOnly cookie the page cannot read): its claims and
 * the CSRF token every change must carry. Null when this browser has none.
 */
let session = null;

export async function signedInSession() {
  const res = await fetch('/auth/session', { credentials: 'same-origin' });
  const body = res.ok ? await res.json() : null;
  if (!body?.signedIn) return null;
  session = {
    csrfToken: body.csrfToken,
    claims: {
      sub: body.subject,
      roles: body.roles,
      municipalities: body.municipalities,
      providerId: body.providerId,
      clientId: body.clientId,
      exp: Math.floor(Date.parse(body.expiresAt) / 1000),
    },
  };
  return session.claims;
}

/**
 * The signed-in person's claims, from a pasted token (local development) or the identity provider's session;
 * without either it sends them to the sign-in page and never resolves, so the page's module stops here quietly.
 */
export async function requireSignIn(page) {
  let claims = claimsOf(token());
  if (!claims || expired(claims)) claims = await signedInSession();
  if (!claims || expired(claims)) {
    toSignIn();
    await new Promise(() => {});
  }
  initShell(claims, page);
  return claims;
}

export function hasRole(claims, ...roles) {
  return (claims?.roles ?? []).some((r) => roles.includes(r));
}

function initShell(claims) {
  const who = document.getElementById('who');
  if (who && hasRole(claims, 'CLIENT')) {
    // A resident is no role and no code: just that they are signed in.
    who.textContent = t('family.resident');
  } else if (who) {
    const scope = claims.providerId ?? ((claims.municipalities ?? []).join(', ') || 'region');
    who.textContent = `${claims.sub} · ${(claims.roles ?? []).join(', ')} · ${scope}`;
  }
  document.getElementById('sign-out')?.addEventListener('click', async () => {
    forgetToken();
    if (session) {
      // Ends the session here, then at the identity provider (its own sign-out page, back to /ui).
      const res = await fetch('/auth/logout', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'X-CSRF-Token': session.csrfToken },
      });
      const body = res.ok ? await res.json() : {};
      location.assign(body.logoutUrl ?? '/ui');
      return;
    }
    location.assign('/ui');
  });
  document.getElementById('goto-trajectory')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = document.getElementById('goto-id').value.trim();
    if (id) location.assign(`/ui/trajectories/${encodeURIComponent(id)}`);
  });
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/**
 * Calls the API with the bearer token, or with the session cookie and its CSRF token; JSON in and out (text for
 * CSV). Answers the response's headers beside its data. 401 sends the person to sign in.
 */
export async function request(path, { method = 'GET', body, headers = {} } = {}) {
  const bearer = token();
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
      ...(!bearer && session && method !== 'GET' ? { 'X-CSRF-Token': session.csrfToken } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json');
  const data = text === '' ? null : json ? JSON.parse(text) : text;
  if (res.status === 401) {
    forgetToken();
    toSignIn();
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return { data, headers: res.headers };
}

/** `request`, answering the data only. */
export async function api(path, options = {}) {
  return (await request(path, options)).data;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return node;
}

function setAttributes(node, attrs) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = String(value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  return node;
}

/** An HTML element: h('a', { href, class: 'x', 'data-id': 1 }, 'text', child…). */
export function h(tag, attrs, ...children) {
  return append(setAttributes(document.createElement(tag), attrs), children);
}

/** An SVG element, the same way. */
export function s(tag, attrs, ...children) {
  return append(setAttributes(document.createElementNS(SVG_NS, tag), attrs), children);
}

export function mount(...nodes) {
  document.getElementById('main').replaceChildren(...nodes.flat().filter(Boolean));
}

/** A message box for a failed call, with the API's field errors. */
export function errorBox(error) {
  const fields = error?.body?.errors ?? [];
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('strong', {}, error?.status ? `${error.status} ${error.body?.code ?? ''}` : t('error.title')),
    ' ',
    error?.message ?? String(error),
    fields.length
      ? h(
          'ul',
          {},
          fields.map((f) => h('li', {}, `${f.field}: ${f.message}`)),
        )
      : null,
  );
}

export function section(title, ...children) {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

/** A table from column definitions { label, value(row) → string | Node, class? }. */
export function table(columns, rows, rowAttrs = () => ({})) {
  return h(
    'table',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        columns.map((c) => h('th', { scope: 'col' }, c.label)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          rowAttrs(row),
          columns.map((c) => h('td', { class: c.class }, c.value(row) ?? '—')),
        ),
      ),
    ),
  );
}

/** Facts as a definition list: [[label, value], …]. */
export function facts(pairs) {
  return h(
    'dl',
    { class: 'facts' },
    pairs.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value ?? '—')]),
  );
}

const DATE_TIME = new Intl.DateTimeFormat(LOCALE, {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});
const INSTANT = new Intl.DateTimeFormat(LOCALE, {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'Europe/Amsterdam',
});
const TIME = new Intl.DateTimeFormat(LOCALE, { timeStyle: 'medium', timeZone: 'Europe/Amsterdam' });
const DATE = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' });
const EURO = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR' });
const DECIMAL = (digits) =>
  new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const format = {
  dateTime: (iso) => (iso ? DATE_TIME.format(new Date(iso)) : null),
  date: (iso) => (iso ? DATE.format(new Date(iso)) : null),
  instant: (iso) => (iso ? INSTANT.format(new Date(iso)) : null),
  time: (iso) => (iso ? TIME.format(new Date(iso)) : null),
  euro: (cents) => (cents === null || cents === undefined ? t('value.none') : EURO.format(cents / 100)),
  percent: (share) =>
    share === null || share === undefined ? t('value.none') : `${DECIMAL(1).format(share * 100)}%`,
  days: (days) => (days === null || days === undefined ? t('value.none') : `${DECIMAL(2).format(days)} d`),
  count: (n) => (n === null || n === undefined ? t('value.none') : String(n)),
  decimal: (n, digits) => DECIMAL(digits).format(n),
};

export function badge(text, kind = '') {
  return h('span', { class: `badge ${kind}`.trim() }, text);
}

/** The Temporal Web UI address of a workflow (config `temporal.uiUrl`, handed over in a meta tag). */
export function temporalWorkflowUrl(workflowId) {
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';
  const namespace = meta('temporal-namespace') || 'default';
  return `${meta('temporal-ui')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

/** The last path segment of the page's URL (an escalation or trajectory id). */
export function idFromPath() {
  return decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
}
