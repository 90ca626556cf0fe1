/* global location, URLSearchParams, history */
// What the local team's and the provider's workspaces share (issue 18): worklists of trajectories, each with a
// button that opens it in the panel below (trajectory-work.js), and `?trajectory=` to open one from a mail link.
import { api, errorBox, format, h, hasRole, mount, requireSignIn, section, table } from './common.js';
import { statusLabel, t } from './texts.js';
import { trajectoryWork } from './trajectory-work.js';

/** A worklist section: rows of GET `path`, each with an "open" button; `extra` adds columns. */
export async function worklist(id, title, path, open, extra = []) {
  try {
    const rows = await api(path);
    const items = Array.isArray(rows) ? rows : rows.items;
    return h(
      'section',
      { class: 'card', id },
      h('h2', {}, title, ' ', h('span', { class: 'muted' }, `(${items.length})`)),
      items.length === 0
        ? h('p', { class: 'muted' }, t('work.empty'))
        : table(
            [
              {
                label: t('work.trajectory-col'),
                value: (r) =>
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'link',
                      'data-open': r.trajectoryId,
                      onclick: () => open(r.trajectoryId),
                    },
                    r.trajectoryId,
                  ),
              },
              { label: t('work.status'), value: (r) => statusLabel(r.status) },
              ...extra,
            ],
            items.slice(0, 100),
          ),
    );
  } catch (error) {
    return section(title, errorBox(error));
  }
}

/** A deadline column of a worklist. */
export const deadline = (label, key) => ({ label, value: (r) => format.dateTime(r[key]) });

/** The form that opens any trajectory by its id (the person may see only their own: 404 otherwise). */
export function openForm(open) {
  const form = h(
    'form',
    { class: 'filters', id: 'open-trajectory', role: 'search' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'open-id' }, t('work.open-label')),
      h('input', {
        id: 'open-id',
        name: 'trajectoryId',
        autocomplete: 'off',
        placeholder: 'trajectory-GM0405-…',
      }),
    ),
    h('button', { type: 'submit' }, t('work.open')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = form.elements.trajectoryId.value.trim();
    if (value) open(value);
  });
  return form;
}

/**
 * The workspace's panel: opens a trajectory in `holder`, remembering it in the address (`?trajectory=`) so a
 * reload or a link from a mail lands on it.
 */
export function panel(holder, options) {
  const open = async (trajectoryId) => {
    const params = new URLSearchParams(location.search);
    params.set('trajectory', trajectoryId);
    history.replaceState(null, '', `${location.pathname}?${params}`);
    holder.replaceChildren(h('p', { class: 'muted' }, t('work.loading')));
    holder.replaceChildren(await trajectoryWork(trajectoryId, options));
    holder.querySelector('h2')?.setAttribute('tabindex', '-1');
    holder.querySelector('h2')?.focus();
  };
  const initial = new URLSearchParams(location.search).get('trajectory');
  return { open, initial };
}

/**
 * A workspace page: signed in with `role` (others read that the page is not theirs), the open-a-trajectory
 * form, the panel, then the sections `lists(open)` makes; `?trajectory=` opens one at once.
 */
export async function workspacePage({ page, role, title, notYours, offered, signAs, lists }) {
  const claims = await requireSignIn(page);
  if (!hasRole(claims, role)) {
    mount(h('h1', {}, title(claims)), h('p', { class: 'muted' }, notYours));
    return;
  }
  const arrangements = await api('/arrangements').catch(() => []);
  const holder = h('div', { id: 'panel' });
  const { open, initial } = panel(holder, { offered, role, signAs, arrangements });
  mount(h('h1', {}, title(claims)), h('div', { class: 'card' }, openForm(open)), holder, await lists(open));
  if (initial) await open(initial);
}
