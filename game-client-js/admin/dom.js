/**
 * The admin page's two DOM builders. Text goes in with textContent only:
 * whatever the server sends (player names, reasons, metadata) is never HTML.
 */

/**
 * @param {Document} doc
 * @param {string} text
 * @param {string} [className]
 * @returns {HTMLTableCellElement}
 */
export function cell(doc, text, className) {
  const td = doc.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

/**
 * @param {Document} doc
 * @param {string} className
 * @param {string} text
 * @param {() => void} onClick
 * @returns {HTMLButtonElement}
 */
export function button(doc, className, text, onClick) {
  const b = doc.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}
