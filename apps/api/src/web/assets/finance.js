/* global document, Blob */
// Finance's workspace (issue 18): export the released payments of a month (CSV or the 323-shaped JSON),
// download the batch, confirm it once paid, and read the reconciliation's deviations. Every action is the API's
// own route (POST /payments/exports, GET /payments/exports/:id, POST …/confirm, GET /reconciliation), so the
// page can do exactly what the API lets this person do; its errors show beside the field they name.
import {
  api,
  errorBox,
  format,
  h,
  hasRole,
  mount,
  request,
  requireSignIn,
  section,
  table,
} from './common.js';
import { t } from './texts.js';

const claims = await requireSignIn('finance');

function lastMonth() {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

/** Downloads a batch as the file the API serves (CSV, or the JSON of a 323-shaped export). */
async function download(batch) {
  const content = await api(`/payments/exports/${batch.id}`, {
    headers: { Accept: batch.format === 'csv' ? 'text/csv' : 'application/json' },
  });
  const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
  const link = h('a', {
    href: URL.createObjectURL(
      new Blob([text], { type: batch.format === 'csv' ? 'text/csv' : 'application/json' }),
    ),
    download: `export-${batch.period}-${batch.id.slice(0, 8)}.${batch.format}`,
  });
  document.body.append(link);
  link.click();
  link.remove();
}

/** One batch; classes, not ids, because a month may have several (each is `.batch[data-batch-id]`). */
function batchCard(batch, fresh = false) {
  const status = h('span', {
    class: 'batch-status',
    'data-status': batch.confirmedAt ? 'CONFIRMED' : 'EXPORTED',
  });
  const result = h('div', { role: 'status' });
  const render = (b) =>
    status.replaceChildren(
      b.confirmedAt
        ? t('finance.confirmed-at', { at: format.dateTime(b.confirmedAt) })
        : t('finance.exported'),
    );
  render(batch);
  const confirm = h(
    'button',
    {
      type: 'button',
      class: 'confirm-batch',
      onclick: async () => {
        confirm.disabled = true;
        try {
          const confirmed = await api(`/payments/exports/${batch.id}/confirm`, { method: 'POST' });
          status.setAttribute('data-status', 'CONFIRMED');
          render(confirmed);
          result.replaceChildren();
        } catch (error) {
          confirm.disabled = false;
          result.replaceChildren(errorBox(error));
        }
      },
    },
    t('finance.confirm'),
  );
  return h(
    'article',
    { class: 'batch', 'data-batch-id': batch.id, 'data-new': fresh },
    h('h3', {}, t('finance.batch', { period: batch.period, at: format.dateTime(batch.createdAt) })),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('finance.rows')),
      h('dd', { class: 'batch-rows' }, String(batch.rowCount)),
      h('dt', {}, t('finance.total')),
      h('dd', {}, format.euro(batch.totalCents)),
      h('dt', {}, t('finance.format')),
      h('dd', {}, batch.format.toUpperCase()),
      h('dt', {}, t('docket.col.status')),
      h('dd', {}, status),
    ),
    h(
      'p',
      {},
      h(
        'button',
        { type: 'button', class: 'secondary download-batch', onclick: () => download(batch) },
        t('finance.download'),
      ),
      ' ',
      confirm,
    ),
    result,
  );
}

/** The batches already made for a month, newest first: each can be downloaded again and confirmed once paid. */
let listed = 0;
async function monthBatches(holder, period, freshId) {
  // Only the latest request shows: a slow answer for another month never overwrites a newer one.
  const mine = ++listed;
  try {
    const batches = await api(`/payments/exports?period=${encodeURIComponent(period)}`);
    if (mine !== listed) return;
    holder.replaceChildren(
      h('h2', {}, t('finance.month-batches', { period })),
      ...(batches.length === 0
        ? [h('p', { class: 'muted', id: 'no-batches' }, t('finance.no-batches'))]
        : batches.map((b) => batchCard(b, b.id === freshId))),
    );
  } catch (error) {
    holder.replaceChildren(errorBox(error));
  }
}

function exportForm(onBatch) {
  const result = h('div', { id: 'export-result', role: 'status' });
  const form = h(
    'form',
    { id: 'export-form', class: 'filters' },
    h(
      'div',
      { class: 'field', 'data-field': 'period' },
      h('label', { for: 'f-period' }, t('finance.month')),
      h('input', { id: 'f-period', name: 'period', type: 'month', value: lastMonth(), required: true }),
    ),
    h(
      'div',
      { class: 'field', 'data-field': 'format' },
      h('label', { for: 'f-format' }, t('finance.format')),
      h(
        'select',
        { id: 'f-format', name: 'format' },
        h('option', { value: 'csv' }, 'CSV'),
        h('option', { value: 'json' }, t('finance.json')),
      ),
    ),
    h('button', { type: 'submit', id: 'export' }, t('finance.export')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('#export');
    button.disabled = true;
    result.replaceChildren(h('p', { class: 'muted' }, t('finance.exporting')));
    try {
      const body = { period: form.elements.period.value, format: form.elements.format.value };
      // A JSON export answers { batch, declaration }; a CSV export the file itself, its batch in headers.
      const { data, headers } = await request('/payments/exports', { method: 'POST', body });
      const batch =
        body.format === 'json'
          ? data.batch
          : {
              id: headers.get('X-Export-Batch-Id'),
              period: body.period,
              format: 'csv',
              rowCount: Number(headers.get('X-Export-Row-Count')),
              totalCents: Number(headers.get('X-Export-Total-Cents')),
              confirmedAt: null,
            };
      result.replaceChildren();
      onBatch(batch);
    } catch (error) {
      result.replaceChildren(errorBox(error));
    } finally {
      button.disabled = false;
    }
  });
  return h('div', {}, form, result);
}

async function deviations() {
  try {
    const report = await api('/reconciliation?onlyDeviations=true');
    const rows = report.trajectories.flatMap((r) =>
      r.deviations.map((d) => ({ trajectoryId: r.trajectoryId, code: d.code, message: d.message })),
    );
    return section(
      t('finance.deviations'),
      h(
        'p',
        { class: 'lead', id: 'reconciliation-summary' },
        t('finance.checked', {
          checked: report.trajectoriesChecked,
          deviating: report.trajectoriesWithDeviations,
        }),
      ),
      rows.length === 0
        ? h('p', { class: 'muted' }, t('finance.no-deviations'))
        : table(
            [
              {
                label: t('timeline.title'),
                value: (r) =>
                  h('a', { href: `/ui/trajectories/${encodeURIComponent(r.trajectoryId)}` }, r.trajectoryId),
              },
              { label: t('finance.deviation'), value: (r) => h('code', {}, r.code) },
              { label: t('timeline.col.details'), value: (r) => r.message },
            ],
            rows.slice(0, 200),
          ),
    );
  } catch (error) {
    return section(t('finance.deviations'), errorBox(error));
  }
}

if (!hasRole(claims, 'FINANCE')) {
  mount(h('h1', {}, t('finance.title')), h('p', { class: 'muted' }, t('finance.only-finance')));
} else {
  const earlier = h('div', { id: 'month-batches', class: 'card' });
  const form = exportForm((b) => monthBatches(earlier, b.period, b.id));
  // The month of the form decides which earlier batches are listed.
  const month = form.querySelector('#f-period');
  month.addEventListener('change', () => monthBatches(earlier, month.value));
  mount(
    h('h1', {}, t('finance.title')),
    section(t('finance.export-title'), h('p', {}, t('finance.export-lead')), form),
    earlier,
    await deviations(),
  );
  await monthBatches(earlier, month.value);
}
