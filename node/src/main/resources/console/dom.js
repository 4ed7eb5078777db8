// Small DOM helpers of the console. Data always becomes text nodes, never parsed as HTML.

/** The element with this id. */
export const $ = (id) => document.getElementById(id);
/** A form control by name (form.elements, so that names like "title" do not clash). */
export const field = (form, name) => form.elements.namedItem(name);

/** Builds an element; children that are strings become text nodes. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/**
 * A table of records: columns are [header, value(record), class?]; values that are strings become
 * text; class 'nowrap' keeps a short value (a date, an amount, a category) on one line. Wrapped so that a wide table scrolls inside its panel on a phone instead of the page.
 */
export function table(records, columns, attrs = {}) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'grid', ...attrs },
    h('thead', {}, h('tr', {}, columns.map(([head]) => h('th', {}, head)))),
    h('tbody', {}, records.map((r) => h('tr', {}, columns.map(([head, value, cls]) => h('td', { 'data-label': head, class: cls ?? null }, value(r))))))));
}

/** A snippet the node escaped with its matches in <em>…</em>, as text nodes and <mark>s. */
export function snippet(escaped) {
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
  const out = h('span', { class: 'snippet' });
  String(escaped).split(/(<em>.*?<\/em>)/).forEach((part) => {
    const m = /^<em>(.*)<\/em>$/.exec(part);
    out.append(m ? h('mark', {}, unescape(m[1])) : unescape(part));
  });
  return out;
}
