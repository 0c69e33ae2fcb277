/**
 * The tag game's page while a room is joined: draws the field (camera on
 * the own player, or the middle for a spectator), steers from the keyboard
 * or the pointer, shows the round, the teams and banners of the game's
 * events, and keeps the own player's predicted speed in step with its role.
 * Built on the SDK's public entry point only.
 */
import { computeCamera, KeyboardSteering, PointerSteering, pointerToDirection, STILL, SteeringPredictor }
  from '../../sdk/index.js';
import { speedOf } from './entities.js';
import { bannerOf } from './messages.js';
import { TagPanel } from './panel.js';
import { drawTag } from './render/renderer.js';
import { clockText, roleOf, roundFacts, tagHud } from './scoreboard.js';

/** World units that must fit on each axis: close enough to see who is it on a phone. */
const VIEW_SPAN = 700;

export class TagView {
  /**
   * @param {import('../../page/game-module.js').GameHost} host
   */
  constructor({ document, window, canvas, panel, session }) {
    this.canvas = canvas;
    this.ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    this.window = window;
    const room = /** @type {import('../../sdk/index.js').RoomState} */ (session.room);
    this.room = room;
    const params = room.welcome.params;
    this.speeds = { runner: params.runnerSpeed ?? 200, it: params.itSpeed ?? params.runnerSpeed ?? 200 };
    this.tagRadius = params.tagRadius ?? 32;
    this.keyboard = new KeyboardSteering(window);
    this.pointer = new PointerSteering(canvas);
    /** @type {import('../../sdk/index.js').Camera|null} */
    this.camera = null;
    this.panel = new TagPanel(document, panel, {
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (handle) => window.clearTimeout(handle),
    });
  }

  /** @param {number} nowMs the time to draw the room at */
  frame(nowMs) {
    const { width, height } = this.fitCanvas();
    const w = this.room.welcome;
    const own = this.room.world.get(this.room.playerId);
    this.predictSpeed(own);
    this.camera = computeCamera({
      canvasWidth: width, canvasHeight: height, worldWidth: w.worldWidth, worldHeight: w.worldHeight,
      focus: this.room.ownPosition(nowMs), viewSpan: VIEW_SPAN,
    });
    drawTag(this.ctx, {
      width, height, camera: this.camera, worldWidth: w.worldWidth, worldHeight: w.worldHeight,
      tagRadius: this.tagRadius, entities: this.room.view(nowMs),
    });
    const round = roundFacts(this.room.world.values());
    this.panel.show({ clock: clockText(round), secondsLeft: round.secondsLeft, phase: round.phase, teams: round.teams,
      role: roleOf(round, own) });
  }

  /**
   * The server moves an it faster and a frozen it not at all: the prediction must too, or the own player
   * would drift from where the server has it and be pulled back.
   * @param {{fields: number[]}|undefined} own
   */
  predictSpeed(own) {
    const prediction = this.room.prediction;
    if (own && prediction instanceof SteeringPredictor) prediction.speed = speedOf(own, this.speeds);
  }

  /**
   * The steering now: keys win over the pointer; the pointer steers from the own player's screen position.
   * @param {number} nowMs
   * @returns {import('../../sdk/index.js').Direction}
   */
  steering(nowMs) {
    const keys = this.keyboard.direction();
    if (keys) return keys;
    const target = this.pointer.target();
    const own = this.room.ownPosition(nowMs);
    if (!target || !this.camera || !own) return STILL;
    return pointerToDirection(this.camera.toScreen(own), target, 10);
  }

  /**
   * @param {number} type
   * @param {Uint8Array} payload
   */
  onMessage(type, payload) {
    const banner = bannerOf(type, payload);
    if (banner) this.panel.banner(banner);
  }

  /** @returns {{players: number, leaderboard: {id: number, name: string, score: number, own: boolean}[]}} */
  hud() {
    return tagHud(this.room.world.values(), this.room.playerId);
  }

  unmount() {
    this.keyboard.dispose();
    this.pointer.dispose();
    this.panel.remove();
  }

  fitCanvas() {
    const dpr = this.window.devicePixelRatio || 1;
    const canvas = this.canvas;
    const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
    const h = Math.max(1, Math.round(canvas.clientHeight * dpr));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    return { width: canvas.clientWidth, height: canvas.clientHeight };
  }
}
