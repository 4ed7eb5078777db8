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
