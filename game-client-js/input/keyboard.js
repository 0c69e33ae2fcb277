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
    target.addEventListener('keydown', (e) => {
      if (!isSteeringKey(e.code) || isTyping(e.target)) return;
      this.held.add(e.code);
      e.preventDefault(); // arrows would scroll the page
    });
    target.addEventListener('keyup', (e) => this.held.delete(e.code));
    // Keys released while the page had no focus never send keyup.
    target.addEventListener('blur', () => this.held.clear());
  }

  /**
   * @returns {import('./direction.js').Direction|null} null when no steering key is held
   */
  direction() {
    return this.held.size === 0 ? null : keysToDirection(this.held);
  }
}

/** Typing a name or a room id must not steer. */
function isTyping(target) {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}
