/**
 * Every action asks first: a modal dialog that says what will happen, with
 * an optional reason field, and Confirm or Cancel (Escape cancels). One
 * question at a time.
 */

/**
 * @typedef {object} Question
 * @property {string} text what will happen, in words (set as text)
 * @property {string|null} [reasonLabel] the reason field's label, or null for no reason field
 * @property {string} [confirmLabel] the confirm button's text
 */

export class ConfirmDialog {
  /** @param {Document} doc */
  constructor(doc) {
    const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (doc.getElementById(id));
    this.dialog = /** @type {HTMLDialogElement} */ ($('confirm'));
    this.text = $('confirm-text');
    this.reasonRow = $('confirm-reason-row');
    this.reasonLabel = $('confirm-reason-label');
    this.reason = /** @type {HTMLInputElement} */ ($('confirm-reason'));
    this.ok = /** @type {HTMLButtonElement} */ ($('confirm-ok'));
    /** @type {((answer: {ok: boolean, reason: string}) => void)|null} */
    this.pending = null;
    this.ok.addEventListener('click', () => this.answer(true));
    $('confirm-cancel').addEventListener('click', () => this.answer(false));
    this.dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      this.answer(false);
    });
    this.reason.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.answer(true);
      }
    });
  }

  /**
   * @param {Question} question
   * @returns {Promise<{ok: boolean, reason: string}>} whether it was confirmed, and the reason typed
   */
  ask({ text, reasonLabel = null, confirmLabel = 'Confirm' }) {
    this.answer(false);
    this.text.textContent = text;
    this.reasonRow.hidden = reasonLabel === null;
    this.reasonLabel.textContent = reasonLabel ?? '';
    this.reason.value = '';
    this.ok.textContent = confirmLabel;
    this.dialog.showModal();
    (reasonLabel === null ? this.ok : this.reason).focus();
    return new Promise((resolve) => {
      this.pending = resolve;
    });
  }

  /** @param {boolean} ok */
  answer(ok) {
    const resolve = this.pending;
    if (!resolve) return;
    this.pending = null;
    const reason = this.reason.value.trim();
    this.dialog.close();
    resolve({ ok, reason });
  }
}
