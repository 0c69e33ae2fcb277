/**
 * Keyboard steering (WASD and arrows), as a direction. DOM glue only; the
 * mapping is in direction.js.
 */
import { isSteeringKey, keysToDirection } from './direction.js';

export class KeyboardSteering {
  /** @param {Window|EventTarget} target usually `window` */
  constructor(target) {
    /** @type {Set<string>} steering keys held, by `KeyboardEvent.code` */
    this.held = new Set();
    this.listening = new AbortController();
    const signal = this.listening.signal;
    target.addEventListener('keydown', (e) => {
      const key = /** @type {KeyboardEvent} */ (e);
      if (!isSteeringKey(key.code) || isTyping(key.target)) return;
      this.held.add(key.code);
      e.preventDefault(); // arrows would scroll the page
    }, { signal });
    target.addEventListener('keyup', (e) => this.held.delete(/** @type {KeyboardEvent} */ (e).code), { signal });
    // Keys released while the page had no focus never send keyup.
    target.addEventListener('blur', () => this.held.clear(), { signal });
  }

  /** Stops listening (the game's view is gone). */
  dispose() {
    this.listening.abort();
    this.held.clear();
  }

  /**
   * @returns {import('./direction.js').Direction|null} null when no steering key is held
   */
  direction() {
    return this.held.size === 0 ? null : keysToDirection(this.held);
  }
}

/**
 * Typing a name, a room id or a chat line must not steer.
 * @param {EventTarget|null} target
 * @returns {boolean}
 */
function isTyping(target) {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}
