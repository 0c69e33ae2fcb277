/**
 * Pointer steering (mouse button or touch held on the canvas): the player
 * heads towards the pointer. Only tracks where the pointer is; the
 * direction is computed each time from the own player's screen position,
 * which moves (see direction.js `pointerToDirection`).
 */
export class PointerSteering {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas) {
    /** @type {{x: number, y: number}|null} CSS pixels relative to the canvas, null when not steering */
    this.point = null;
    /** @type {number|null} */
    this.pointerId = null;
    this.listening = new AbortController();
    const signal = this.listening.signal;
    const locate = (/** @type {PointerEvent} */ e) => {
      const r = canvas.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    canvas.addEventListener('pointerdown', (e) => {
      this.pointerId = e.pointerId;
      this.point = locate(e);
      canvas.setPointerCapture?.(e.pointerId);
      e.preventDefault();
    }, { signal });
    canvas.addEventListener('pointermove', (e) => {
      if (e.pointerId === this.pointerId) this.point = locate(e);
    }, { signal });
    const end = (/** @type {PointerEvent} */ e) => {
      if (e.pointerId !== this.pointerId) return;
      this.point = null;
      this.pointerId = null;
    };
    canvas.addEventListener('pointerup', end, { signal });
    canvas.addEventListener('pointercancel', end, { signal });
    canvas.addEventListener('lostpointercapture', end, { signal });
  }

  /** Stops listening (the game's view is gone). */
  dispose() {
    this.listening.abort();
    this.point = null;
  }

  /** @returns {{x: number, y: number}|null} the pointer while held, canvas CSS pixels */
  target() {
    return this.point;
  }
}
