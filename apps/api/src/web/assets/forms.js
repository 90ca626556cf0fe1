/* global RadioNodeList */
// Forms of the workspaces (issue 18): each action is the API's own route with its own validation; an error the
// API names by field is shown beside that field (aria-invalid, aria-describedby), the rest above the button.
import { api, errorBox, h } from './common.js';
import { t } from './texts.js';

/** A labelled control; `name` is the request body's path of the value (what the API names in its errors). */
export function field(form, name, label, control, hint) {
  const id = `${form}-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
  control.id = id;
  if (!control.name) control.name = name;
  const hintNode = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintNode) control.setAttribute('aria-describedby', hintNode.id);
  return h('div', { class: 'field', 'data-field': name }, h('label', { for: id }, label), control, hintNode);
}

export function input(attrs = {}) {
  return h('input', { autocomplete: 'off', ...attrs });
}

/** A select of [value, label] pairs (or plain values); `blank` adds an empty first choice. */
export function select(options, { blank, value } = {}) {
  const node = h(
    'select',
    {},
    blank !== undefined ? h('option', { value: '' }, blank) : null,
    options.map((o) => {
      const [v, label] = Array.isArray(o) ? o : [o, o];
      return h('option', { value: v, selected: v === value }, label);
    }),
  );
  return node;
}

/** A group of radio buttons in a fieldset with its legend (a question with its answers). */
export function radios(form, name, legend, options) {
  return h(
    'fieldset',
    { class: 'field radios', 'data-field': name },
    h('legend', {}, legend),
    options.map(([value, label], i) => {
      const id = `${form}-${name.replace(/[^A-Za-z0-9]+/g, '-')}-${i}`;
      return h(
        'span',
        { class: 'radio' },
        h('input', { type: 'radio', id, name, value }),
        h('label', { for: id }, label),
      );
    }),
  );
}

function escapeRegExp(text) {
  return String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function clearErrors(form) {
  for (const node of form.querySelectorAll('.field-error')) node.remove();
  for (const node of form.querySelectorAll('[aria-invalid]')) {
    node.removeAttribute('aria-invalid');
    const described = (node.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((d) => d && !d.endsWith('-error'));
    if (described.length) node.setAttribute('aria-describedby', described.join(' '));
    else node.removeAttribute('aria-describedby');
  }
}

/** The field of the form an API error names: the longest leading part of its path the form has. */
function fieldFor(form, path) {
  const parts = String(path).split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const name = parts.slice(0, n).join('.');
    const node = [...form.querySelectorAll('[data-field]')].find(
      (f) => f.getAttribute('data-field') === name,
    );
    if (node) return node;
  }
  return null;
}

/** Shows the API's field errors beside their fields; answers the errors no field of the form names. */
export function showFieldErrors(form, error) {
  clearErrors(form);
  const rest = [];
  let first = null;
  for (const e of error?.body?.errors ?? []) {
    const node = fieldFor(form, e.field);
    if (!node) {
      rest.push(e);
      continue;
    }
    const id = `${node.querySelector('input, select, textarea')?.id ?? node.getAttribute('data-field')}-error`;
    // The API's message may start with the field's path; beside the field itself that is noise.
    const message = String(e.message).replace(new RegExp(`^${escapeRegExp(e.field)}\\s+`), '');
    if (!node.querySelector(`[id="${id}"]`)) {
      node.append(h('p', { class: 'field-error', id }, message));
    } else {
      node.querySelector(`[id="${id}"]`).append(` · ${message}`);
    }
    for (const control of node.querySelectorAll('input, select, textarea')) {
      control.setAttribute('aria-invalid', 'true');
      const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      if (!described.includes(id)) control.setAttribute('aria-describedby', [...described, id].join(' '));
    }
    first ??= node.querySelector('input, select, textarea');
  }
  first?.focus();
  return rest;
}

/**
 * A form that sends one action: `body(form)` makes the request body, `path`/`method` the route; `done(result)`
 * after success. A failure shows the field errors beside their fields and the rest in the form's alert.
 */
export function actionForm({ id, title, fields, submit, path, method = 'POST', body, done, intro }) {
  const result = h('div', { class: 'form-result', id: `${id}-result`, role: 'status' });
  const button = h('button', { type: 'submit', id: `${id}-submit` }, submit);
  const form = h(
    'form',
    { id, class: 'action', novalidate: true },
    h('h3', {}, title),
    intro ? h('p', { class: 'muted' }, intro) : null,
    fields,
    button,
    result,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    clearErrors(form);
    result.replaceChildren(h('p', { class: 'muted' }, t('forms.sending')));
    try {
      const answer = await api(typeof path === 'function' ? path(form) : path, { method, body: body(form) });
      result.replaceChildren(h('p', { class: 'success', id: `${id}-done` }, t('forms.done')));
      await done?.(answer);
    } catch (error) {
      const rest = showFieldErrors(form, error);
      const shown = (error?.body?.errors ?? []).length - rest.length;
      const summary =
        shown > 0 && rest.length === 0
          ? h('div', { class: 'error', role: 'alert' }, t('forms.see-fields'))
          : errorBox(rest.length === (error?.body?.errors ?? []).length ? error : withErrors(error, rest));
      result.replaceChildren(summary);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function withErrors(error, errors) {
  return { status: error.status, message: error.message, body: { ...error.body, errors } };
}

/** The value of a named control, trimmed; '' when absent. */
export function valueOf(form, name) {
  const control = form.elements.namedItem(name);
  if (!control) return '';
  if (control instanceof RadioNodeList) return control.value ?? '';
  return String(control.value ?? '').trim();
}
