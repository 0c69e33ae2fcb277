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
    this.pointerId = null;
    const locate = (e) => {
      const r = canvas.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    canvas.addEventListener('pointerdown', (e) => {
      this.pointerId = e.pointerId;
      this.point = locate(e);
      canvas.setPointerCapture?.(e.pointerId);
      e.preventDefault();
    });
    canvas.addEventListener('pointermove', (e) => {
      if (e.pointerId === this.pointerId) this.point = locate(e);
    });
    const end = (e) => {
      if (e.pointerId !== this.pointerId) return;
      this.point = null;
      this.pointerId = null;
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener('lostpointercapture', end);
  }

  /** @returns {{x: number, y: number}|null} the pointer while held, canvas CSS pixels */
  target() {
    return this.point;
  }
}
