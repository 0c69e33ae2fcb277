/**
 * The management token, kept in the tab's sessionStorage: it survives a
 * reload, not the tab, and no other site can read it. Storage may be
 * unavailable (some private modes); the token then lives in memory only.
 */
const KEY = 'arena.admin.token';

export class TokenStore {
  /** @param {Storage|null} storage */
  constructor(storage) {
    this.storage = storage;
    /** @type {string} */
    this.value = '';
    try {
      this.value = storage?.getItem(KEY) ?? '';
    } catch {
      this.value = '';
    }
  }

  /** @returns {string} the token, or '' for none */
  get() {
    return this.value;
  }

  /** @param {string} token '' forgets it */
  set(token) {
    this.value = token.trim();
    try {
      if (this.value) this.storage?.setItem(KEY, this.value);
      else this.storage?.removeItem(KEY);
    } catch {
      // Kept in memory only.
    }
  }
}

export const TOKEN_KEY = KEY;
