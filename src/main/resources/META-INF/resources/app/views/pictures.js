// Pictures are never shown by default: an item is described by its metadata and hashes. On request
// the server renders a small blurred greyscale preview (the picture itself never reaches the
// browser); an officer reveals one picture at a time after stating, once in this page's session,
// why. Both are audited by the server (as a preview, as content access).
import { h, replace } from '../dom.js';
import { button, dialog, problem } from '../ui.js';

const PREVIEWS_KEY = 'vidcase.previews';
let justification = null;
const shown = new Set();

addEventListener('hashchange', forgetPictures);

/** Drops every picture this page holds in memory. */
export function forgetPictures() {
  for (const url of shown) URL.revokeObjectURL(url);
  shown.clear();
}

export function previewsOn() {
  return sessionStorage.getItem(PREVIEWS_KEY) === 'on';
}

export function setPreviews(on) {
  sessionStorage.setItem(PREVIEWS_KEY, on ? 'on' : 'off');
}

async function imageFrom(app, path, params, alt) {
  const response = await app.api.request('GET', path + (params ? '?' + new URLSearchParams(params) : ''), null,
    { headers: { Accept: 'image/png, application/problem+json' }, raw: true });
  const url = URL.createObjectURL(await response.blob());
  shown.add(url);
  return h('img', { src: url, alt, class: 'picture' });
}

/** Asks for the session's justification the first time; null when the officer cancels. */
async function askJustification() {
  if (justification) return justification;
  const field = h('textarea', { id: 'reveal-justification', maxlength: 2000, rows: 3, required: true,
    'aria-describedby': 'reveal-justification-hint' });
  const error = h('p', { class: 'field-error', id: 'reveal-justification-error' });
  const value = await dialog({
    title: 'Why must you see pictures?',
    body: h('div', { class: 'field' },
      h('label', { for: 'reveal-justification' }, 'Justification'),
      h('p', { class: 'hint', id: 'reveal-justification-hint' },
        'Asked once for this session. Every picture you reveal is recorded in the audit trail with it.'),
      field, error),
    actions: [{ label: 'Cancel' }, { label: 'Reveal', kind: 'primary', value: () => {
      const text = field.value.trim();
      if (!text) {
        error.textContent = 'A justification is required.';
        field.setAttribute('aria-invalid', 'true');
        field.focus();
        return undefined;
      }
      return text;
    } }],
  });
  if (value && value !== 'Cancel') justification = value;
  return value === 'Cancel' ? null : value;
}

/**
 * The picture area of an item: its blurred preview when previews are on, a button to reveal it,
 * and what is on file when there is no picture to show.
 */
export function picturePanel(app, c, item) {
  forgetPictures();
  const panel = h('div', { class: 'picture-panel', id: 'picture-panel' });
  const base = `/api/cases/${c.id}/media/${item.id}`;
  if (!item.hasContent) {
    replace(panel, h('p', { class: 'picture-withheld' }, 'Known by hash only: there is no picture on file.'));
    return panel;
  }
  const isVideo = !!item.video;
  const area = h('div', { class: 'picture-area' });
  const withheld = isVideo ? 'Video. Decide from the metadata and hashes, or show the blurred key frames.'
    : 'Picture withheld. Decide from the metadata and hashes below.';
  const status = h('p', { class: 'picture-withheld' }, withheld);
  const hide = () => {
    forgetPictures();
    replace(area);
    panel.classList.remove('revealed');
    status.textContent = withheld;
  };
  const showPreview = async () => {
    replace(area, h('p', { class: 'loading', role: 'status' }, 'Rendering the blurred preview…'));
    try {
      replace(area, isVideo
        ? await imageFrom(app, `${base}/key-frames/sheet`, null, 'Blurred greyscale key frames of the video')
        : await imageFrom(app, `${base}/preview`, null, 'Blurred greyscale preview of the picture'));
      status.textContent = 'Blurred greyscale preview, rendered by the server.';
    } catch (e) {
      replace(area, problem(e));
    }
  };
  const reveal = async () => {
    const why = await askJustification();
    if (!why) return;
    replace(area, h('p', { class: 'loading', role: 'status' }, 'Revealing the picture…'));
    try {
      replace(area, await imageFrom(app, `${base}/reveal`, { justification: why }, 'The picture, revealed'),
        button('Hide the picture', hide, { id: 'hide-picture' }));
      panel.classList.add('revealed');
      status.textContent = 'Revealed for you alone; recorded in the audit trail with your justification.';
    } catch (e) {
      replace(area, problem(e));
    }
  };
  // A video is revealed one key frame at a time: the officer picks the frame by its time.
  const revealKeyFrame = async () => {
    const why = await askJustification();
    if (!why) return;
    replace(area, h('p', { class: 'loading', role: 'status' }, 'Listing the key frames…'));
    try {
      const video = await app.api.get(`${base}/video`);
      const frames = video.keyFrames || [];
      if (!frames.length) {
        replace(area, h('p', {}, 'No key frame was kept for this video.'));
        return;
      }
      const shownFrame = h('div', { class: 'key-frame-revealed', 'aria-live': 'polite' });
      const choose = frames.map(f => button(`Frame at ${f.timestamp}`, async () => {
        forgetPictures();
        replace(shownFrame, h('p', { class: 'loading', role: 'status' }, 'Revealing the key frame…'));
        try {
          replace(shownFrame, await imageFrom(app, `${base}/key-frames/${f.index}`, { justification: why },
            `Key frame at ${f.timestamp}, revealed`), button('Hide the picture', hide, { id: 'hide-picture' }));
          panel.classList.add('revealed');
          status.textContent = `Key frame at ${f.timestamp} revealed for you alone; recorded in the audit trail with your justification.`;
        } catch (e) {
          replace(shownFrame, problem(e));
        }
      }, { dataset: { keyFrame: String(f.index) } }));
      replace(area, h('div', { class: 'picture-actions', role: 'group', 'aria-label': 'Key frame to reveal' }, choose),
        shownFrame);
    } catch (e) {
      replace(area, problem(e));
    }
  };
  const videoReady = isVideo && item.video.state === 'HASHED';
  replace(panel, status, area, h('div', { class: 'picture-actions' },
    !isVideo || videoReady ? button(isVideo ? 'Show blurred key frames' : 'Show blurred preview', showPreview,
      { id: 'show-preview' }) : null,
    !app.canReveal || (isVideo && !videoReady) ? null
      : button([h('kbd', {}, 'r'), isVideo ? ' Reveal a key frame' : ' Reveal the picture'],
        isVideo ? revealKeyFrame : reveal, { id: 'reveal-picture', dataset: { action: 'reveal' } })));
  if (previewsOn() && (!isVideo || videoReady)) showPreview();
  return panel;
}
