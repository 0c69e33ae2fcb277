/**
 * The bans in force: address or block, reason, when it ends, and a Lift
 * button each. Text only, with textContent.
 */
import { formatAge } from './format.js';
import { button, cell } from './dom.js';

/** @typedef {import('./api.js').BanInfo} BanInfo */

export class BansView {
  /**
   * @param {Document} doc
   * @param {(ban: BanInfo) => void} lift called when a ban's Lift button is clicked
   */
  constructor(doc, lift) {
    this.doc = doc;
    this.lift = lift;
    this.rows = /** @type {HTMLElement} */ (doc.getElementById('ban-rows'));
    this.empty = /** @type {HTMLElement} */ (doc.getElementById('bans-empty'));
    this.count = /** @type {HTMLElement} */ (doc.getElementById('bans-count'));
  }

  /**
   * @param {BanInfo[]} bans
   * @param {number} max
   */
  show(bans, max) {
    this.count.textContent = `(${bans.length} of at most ${max})`;
    this.empty.hidden = bans.length > 0;
    this.rows.replaceChildren(...bans.map((ban) => this.row(ban)));
  }

  /**
   * @param {BanInfo} ban
   * @returns {HTMLTableRowElement}
   */
  row(ban) {
    const tr = this.doc.createElement('tr');
    tr.dataset.banId = ban.id;
    const actions = this.doc.createElement('td');
    actions.append(button(this.doc, 'lift', 'Lift…', () => this.lift(ban)));
    tr.append(cell(this.doc, ban.address, 'address'), cell(this.doc, ban.reason || '–'),
      cell(this.doc, `${ban.expiresAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')} (in ${formatAge(ban.secondsLeft)})`),
      actions);
    return tr;
  }
}
