// Shared pieces of the screens: errors in words, tables, forms that validate as the API does,
// dialogs and notices.
import { ApiError } from './api.js';
import { h, replace, uid } from './dom.js';

/** What a form refuses before anything is sent (the user's input, not a fault of the page). */
export class InputError extends Error {}

/** An error as a user reads it: the problem's title and detail, and each field's message. */
export function problem(error) {
  if (error instanceof InputError) {
    return h('div', { class: 'problem', role: 'alert' },
      h('p', { class: 'problem-title' }, 'Please check what you entered'), h('p', {}, error.message));
  }
  if (error instanceof ApiError) {
    return h('div', { class: 'problem', role: 'alert' },
      h('p', { class: 'problem-title' }, error.title),
      error.problem.detail ? h('p', {}, error.problem.detail) : null,
      error.fieldErrors.length
        ? h('ul', {}, error.fieldErrors.map(f => h('li', {}, f.field ? `${f.field}: ${f.message}` : f.message)))
        : null,
      error.problem.requestId ? h('p', { class: 'muted small' }, `Reference for support: ${error.problem.requestId}`) : null);
  }
  return h('div', { class: 'problem', role: 'alert' },
    h('p', { class: 'problem-title' }, 'Something went wrong on this page'),
    h('p', {}, error?.message || String(error)));
}

export function pageHeader(title, ...actions) {
  document.title = `${title} · VIDCase`;
  return h('div', { class: 'page-header' }, h('h1', {}, title), h('div', { class: 'actions' }, actions));
}

export function section(title, ...children) {
  const id = uid('section');
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), children);
}

export function link(href, text, props = {}) {
  return h('a', { href, ...props }, text);
}

export function button(label, onClick, { kind = 'secondary', type = 'button', ...props } = {}) {
  return h('button', { type, class: ['btn', `btn-${kind}`], onClick, ...props }, label);
}

export function badge(text, kind = 'neutral') {
  return h('span', { class: ['badge', `badge-${kind}`] }, text);
}

/** Definition list from [label, value] pairs (pairs with an empty value are left out). */
export function details(pairs) {
  return h('dl', { class: 'details' }, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

/**
 * A table: columns [{label, value(row) -> node|text, class}], one row per item; an empty list
 * shows {@code empty} in words.
 */
export function table({ columns, rows, empty = 'Nothing to show.', caption, rowProps }) {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'table-wrap' },
    h('table', {},
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col', class: c.class }, c.label)))),
      h('tbody', {}, rows.map(row => h('tr', rowProps ? rowProps(row) : {},
        columns.map(c => h('td', { class: c.class }, c.value(row))))))));
}

/** Renders what {@code load} answers, showing progress and then the problem in words if it fails. */
export async function loadInto(container, load, render) {
  replace(container, h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  try {
    const data = await load();
    replace(container, render(data));
  } catch (e) {
    replace(container, problem(e));
  }
}

/**
 * A form whose fields carry the API's own rules (required, length, pattern), so the browser
 * refuses what the API would; the API's field errors, if any, are shown beside their field.
 * fields: [{name, label, type, required, maxlength, minlength, pattern, title, options, hint, value, min, max, step}]
 */
export function form({ fields, submitLabel, onSubmit, cancel, className }) {
  const status = h('div', { class: 'form-status' });
  const inputs = new Map();
  const errors = new Map();
  const el = h('form', { class: ['form', className], novalidate: true },
    status,
    fields.map(f => {
      const id = uid(f.name);
      const hintId = f.hint ? `${id}-hint` : null;
      const errorId = `${id}-error`;
      const common = {
        id, name: f.name, required: f.required, maxlength: f.maxlength, minlength: f.minlength, pattern: f.pattern,
        min: f.min, max: f.max, step: f.step, placeholder: f.placeholder, autocomplete: f.autocomplete ?? 'off',
        'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
      };
      let input;
      if (f.type === 'select') {
        input = h('select', common, f.options.map(o => h('option', { value: o.value, selected: o.value === f.value }, o.label)));
      } else if (f.type === 'textarea') {
        input = h('textarea', { ...common, rows: f.rows ?? 3 }, f.value ?? '');
      } else if (f.type === 'checkbox') {
        input = h('input', { ...common, type: 'checkbox', checked: !!f.value });
      } else {
        input = h('input', { ...common, type: f.type ?? 'text', value: f.value ?? '' });
      }
      inputs.set(f.name, input);
      const error = h('p', { class: 'field-error', id: errorId });
      errors.set(f.name, error);
      return h('div', { class: ['field', f.type === 'checkbox' ? 'field-check' : null] },
        h('label', { for: id }, f.label, f.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
        f.hint ? h('p', { class: 'hint', id: hintId }, f.hint) : null,
        input, error);
    }),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, submitLabel),
      cancel ? button('Cancel', cancel) : null));

  const showFieldError = (name, message) => {
    const input = inputs.get(name);
    const error = errors.get(name);
    if (!input || !error) return false;
    error.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    return true;
  };

  el.addEventListener('submit', async event => {
    event.preventDefault();
    replace(status);
    for (const [name, input] of inputs) {
      errors.get(name).textContent = '';
      input.removeAttribute('aria-invalid');
    }
    let first = null;
    for (const [name, input] of inputs) {
      if (!input.checkValidity()) {
        showFieldError(name, messageFor(input, fields.find(f => f.name === name)));
        first ??= input;
      }
    }
    if (first) {
      first.focus();
      return;
    }
    const values = {};
    for (const [name, input] of inputs) {
      values[name] = input.type === 'checkbox' ? input.checked : input.value.trim();
    }
    const submit = el.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      await onSubmit(values);
    } catch (e) {
      const unplaced = e instanceof ApiError ? e.fieldErrors.filter(f => !showFieldError(f.field, f.message)) : [];
      replace(status, problem(e));
      if (unplaced.length === 0 && e instanceof ApiError && e.fieldErrors.length) {
        inputs.get(e.fieldErrors[0].field)?.focus();
      } else {
        status.querySelector('[role=alert]')?.focus?.();
      }
    } finally {
      submit.disabled = false;
    }
  });
  el.inputs = inputs;
  return el;
}

function messageFor(input, field) {
  const v = input.validity;
  if (v.valueMissing) return `${field.label} is required.`;
  if (v.tooLong) return `${field.label} must be at most ${input.maxLength} characters.`;
  if (v.tooShort) return `${field.label} must be at least ${input.minLength} characters.`;
  if (v.patternMismatch) return field.title || `${field.label} is not in the expected form.`;
  if (v.rangeOverflow) return field.rangeMessage || `${field.label} must be at most ${input.max}.`;
  if (v.rangeUnderflow) return field.rangeMessage || `${field.label} must be at least ${input.min}.`;
  if (v.typeMismatch || v.badInput) return `${field.label} is not a valid value.`;
  return input.validationMessage;
}

/** A modal dialog; resolves with the value the chosen action returns (null when dismissed). */
export function dialog({ title, body, actions }) {
  return new Promise(resolve => {
    const titleId = uid('dialog-title');
    const el = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, title), body,
      h('div', { class: 'form-actions' }, actions.map(a => button(a.label, async () => {
        const value = a.value ? await a.value() : a.label;
        if (value === undefined) return; // the action refused to close (its own validation)
        el.close();
        resolve(value);
      }, { kind: a.kind ?? 'secondary' }))));
    el.addEventListener('close', () => { el.remove(); resolve(null); });
    document.body.append(el);
    el.showModal();
  });
}

export function toast(message, kind = 'info') {
  const box = document.getElementById('toasts');
  const note = h('p', { class: ['toast', `toast-${kind}`] }, message);
  box.append(note);
  setTimeout(() => note.remove(), 6000);
}

/** A progress bar with its value in words for assistive technology. */
export function progressBar(label) {
  const bar = h('progress', { max: 100, value: 0, 'aria-label': label });
  const text = h('span', { class: 'progress-text' }, '');
  const el = h('div', { class: 'progress' }, bar, text);
  el.set = (fraction, words) => {
    bar.value = Math.round(fraction * 100);
    text.textContent = words ?? `${Math.round(fraction * 100)} %`;
  };
  return el;
}
