/**
 * The arena game's page while a room is joined: draws the field (camera on
 * the own player, or the middle for a spectator) with its minimap and, for
 * players held off screen, edge arrows; steers from the keyboard or the
 * pointer, keeps the scores and the chat. Built on the SDK's public entry
 * point only.
 */
import { computeCamera, KeyboardSteering, PointerSteering, pointerToDirection, STILL } from '../../sdk/index.js';
import { CHAT, ChatView, decodeChat, encodeChat } from './chat.js';
import { arenaHud, viewRadiusOf } from './entity-views.js';
import { drawEdgeIndicators, edgeIndicators } from './render/edge-indicators.js';
import { drawMinimap, minimapLayout } from './render/minimap.js';
import { drawFrame } from './render/renderer.js';

/** Chat length when WELCOME does not say (the server's default arena.chatMaxLength). */
const DEFAULT_CHAT_LENGTH = 200;

export class ArenaView {
  /**
   * @param {import('../../page/game-module.js').GameHost} host
   */
  constructor({ document, window, canvas, panel, session }) {
    this.canvas = canvas;
    this.ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    this.window = window;
    this.session = session;
    const room = /** @type {import('../../sdk/index.js').RoomState} */ (session.room);
    this.room = room;
    this.keyboard = new KeyboardSteering(window);
    this.pointer = new PointerSteering(canvas);
    /** @type {import('../../sdk/index.js').Camera|null} */
    this.camera = null;
    /** @type {number|null} how far the player sees, world units; null: the whole world (PROTOCOL.md "Views") */
    this.viewRadius = viewRadiusOf(room.welcome, room.spectator);
    this.chat = new ChatView(document, panel, {
      maxLength: Math.round(room.welcome.params.chatMaxLength ?? DEFAULT_CHAT_LENGTH),
      canSend: !room.spectator,
      send: (text) => session.sendMessage(CHAT, encodeChat(text)),
      ownId: room.playerId,
    });
  }

  /** @param {number} nowMs the time to draw the room at */
  frame(nowMs) {
    const { width, height } = this.fitCanvas();
    const w = this.room.welcome;
    this.camera = computeCamera({
      canvasWidth: width, canvasHeight: height, worldWidth: w.worldWidth, worldHeight: w.worldHeight,
      focus: this.room.ownPosition(nowMs),
    });
    const entities = this.room.view(nowMs);
    drawFrame(this.ctx, { width, height, camera: this.camera, worldWidth: w.worldWidth, worldHeight: w.worldHeight, entities });
    drawEdgeIndicators(this.ctx, edgeIndicators({ camera: this.camera, width, height, entities }));
    const layout = minimapLayout({ canvasWidth: width, canvasHeight: height, worldWidth: w.worldWidth, worldHeight: w.worldHeight });
    drawMinimap(this.ctx, {
      layout, camera: this.camera, canvasWidth: width, canvasHeight: height, entities, viewRadius: this.viewRadius,
    });
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
    if (!target || !this.camera) return STILL;
    const own = this.room.ownPosition(nowMs);
    if (!own) return STILL;
    return pointerToDirection(this.camera.toScreen(own), target, 10);
  }

  /**
   * @param {number} type
   * @param {Uint8Array} payload
   */
  onMessage(type, payload) {
    if (type === CHAT) this.chat.add(decodeChat(payload));
  }

  /**
   * With views the room state holds only the player's view, so the players counted are those in it.
   * @returns {{players: number, leaderboard: {id: number, name: string, score: number, own: boolean}[], inView: boolean}}
   */
  hud() {
    return { ...arenaHud(this.room.world.values(), this.room.playerId), inView: this.viewRadius !== null };
  }

  unmount() {
    this.keyboard.dispose();
    this.pointer.dispose();
    this.chat.remove();
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
