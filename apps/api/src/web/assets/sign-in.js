/* global location, URLSearchParams */
// Sign in: at the municipality's identity provider (OpenID Connect) when the API has one, and, for local
// development, by pasting a bearer token (the same tokens and roles as the API; kept in this tab's sessionStorage).
import { claimsOf, expired, h, hasRole, mount, signedInSession, storeToken, token } from './common.js';
import { t } from './texts.js';

function landingFor(claims) {
  const next = new URLSearchParams(location.search).get('next');
  if (next && next.startsWith('/ui/')) return next;
  if (hasRole(claims, 'CLIENT')) return '/ui/family';
  if (hasRole(claims, 'LOCAL_TEAM')) return '/ui/local-team';
  if (hasRole(claims, 'PROVIDER')) return '/ui/provider';
  if (hasRole(claims, 'FINANCE')) return '/ui/finance';
  return hasRole(claims, 'BREAKTHROUGH_TABLE') ? '/ui/docket' : '/ui/dashboard';
}

const message = h('p', { id: 'sign-in-message', class: 'muted', role: 'status' });
const input = h('textarea', {
  id: 'token',
  name: 'token',
  rows: 6,
  required: true,
  spellcheck: 'false',
  autocomplete: 'off',
  placeholder: 'eyJhbGciOi…',
});

const form = h(
  'form',
  {
    id: 'sign-in',
    class: 'card narrow',
    onsubmit: (event) => {
      event.preventDefault();
      const value = input.value.trim().replace(/^Bearer\s+/i, '');
      const claims = claimsOf(value);
      if (!claims || !Array.isArray(claims.roles)) {
        message.textContent = t('sign-in.token.not-jwt');
        message.className = 'error';
        return;
      }
      if (expired(claims)) {
        message.textContent = t('sign-in.token.expired');
        message.className = 'error';
        return;
      }
      storeToken(value);
      location.assign(landingFor(claims));
    },
  },
  h('h2', {}, t('sign-in.token.title')),
  h('p', {}, t('sign-in.token.lead')),
  h('label', { for: 'token' }, t('sign-in.token.label')),
  input,
  h('button', { type: 'submit', id: 'sign-in-submit' }, t('sign-in.token.submit')),
  message,
  h(
    'p',
    { class: 'muted' },
    t('sign-in.token.dev'),
    h('code', {}, 'npm run token -- --role BREAKTHROUGH_TABLE --municipality GM0405'),
  ),
);

/** Sign-in at the municipality's identity provider (OpenID Connect), when the API has one configured. */
function providerSignIn() {
  const next = new URLSearchParams(location.search).get('next') ?? '';
  const failed = new URLSearchParams(location.search).get('signin') === 'failed';
  return h(
    'div',
    { class: 'card narrow', id: 'oidc-sign-in' },
    h('p', {}, t('sign-in.lead')),
    h(
      'a',
      {
        class: 'button',
        id: 'oidc-sign-in-link',
        href: `/auth/login${next ? `?next=${encodeURIComponent(next)}` : ''}`,
      },
      t('sign-in.provider'),
    ),
    failed ? h('p', { class: 'error', role: 'alert' }, t('sign-in.failed')) : null,
  );
}

const options = await fetch('/auth/options').then((r) =>
  r.ok ? r.json() : { oidc: false, tokenSignIn: true },
);
const current = claimsOf(token()) ?? (options.oidc ? await signedInSession() : null);
mount(
  h('h1', {}, t('sign-in.title')),
  options.oidc ? providerSignIn() : null,
  options.tokenSignIn ? form : null,
  current && !expired(current)
    ? h(
        'p',
        { class: 'card narrow' },
        t('sign-in.signed-in', { who: current.sub, roles: current.roles.join(', ') }),
        h('a', { href: landingFor(current) }, t('sign-in.continue')),
      )
    : null,
);
if (options.tokenSignIn) input.focus();
