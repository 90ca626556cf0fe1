/* global location, URLSearchParams */
// Sign in: paste a bearer token (the same tokens and roles as the API); it stays in this tab's sessionStorage.
import { claimsOf, expired, h, hasRole, mount, signedInSession, storeToken, token } from './common.js';

function landingFor(claims) {
  const next = new URLSearchParams(location.search).get('next');
  if (next && next.startsWith('/ui/')) return next;
  return hasRole(claims, 'BREAKTHROUGH_TABLE', 'LOCAL_TEAM') ? '/ui/docket' : '/ui/dashboard';
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
        message.textContent = 'That is not a bearer token (JWT) of this API.';
        message.className = 'error';
        return;
      }
      if (expired(claims)) {
        message.textContent = 'That token has expired: mint a new one.';
        message.className = 'error';
        return;
      }
      storeToken(value);
      location.assign(landingFor(claims));
    },
  },
  h('h1', {}, 'Sign in'),
  h(
    'p',
    {},
    'Paste a bearer token. It is kept in this browser tab only (sessionStorage) and sent to the API with ',
    'every request; the API decides what you may see and do by its roles and municipalities.',
  ),
  h('label', { for: 'token' }, 'Bearer token'),
  input,
  h('button', { type: 'submit', id: 'sign-in-submit' }, 'Sign in'),
  message,
  h(
    'p',
    { class: 'muted' },
    'Local development: ',
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
    h('h1', { lang: 'nl' }, 'Inloggen'),
    h('p', { lang: 'nl' }, 'Log in met het account van uw organisatie.'),
    h(
      'a',
      {
        class: 'button',
        id: 'oidc-sign-in-link',
        href: `/auth/login${next ? `?next=${encodeURIComponent(next)}` : ''}`,
      },
      'Inloggen (Sign in with your organisation)',
    ),
    failed
      ? h(
          'p',
          { class: 'error', role: 'alert', lang: 'nl' },
          'Inloggen is niet gelukt. Probeer het opnieuw (Sign-in failed).',
        )
      : null,
  );
}

const options = await fetch('/auth/options').then((r) =>
  r.ok ? r.json() : { oidc: false, tokenSignIn: true },
);
const current = claimsOf(token()) ?? (options.oidc ? await signedInSession() : null);
mount(
  options.oidc ? providerSignIn() : null,
  options.tokenSignIn ? form : null,
  current && !expired(current)
    ? h(
        'p',
        { class: 'card narrow' },
        `Signed in as ${current.sub} (${current.roles.join(', ')}). `,
        h('a', { href: landingFor(current) }, 'Continue'),
      )
    : null,
);
if (options.tokenSignIn) input.focus();
