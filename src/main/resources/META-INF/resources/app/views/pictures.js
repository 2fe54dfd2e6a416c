// Pictures are never shown by default: an item is described by its metadata and hashes.
import { h } from '../dom.js';

export function picturePanel(app, c, item) {
  return h('div', { class: 'picture-panel' },
    h('p', { class: 'picture-withheld' }, item.hasContent
      ? 'Picture withheld. Decide from the metadata and hashes below.'
      : 'Known by hash only: there is no picture on file.'));
}
