/**
 * What the page asks of a game's folder (`games/<name>/index.js`), and the
 * view it falls back on for a game that has no folder in this client.
 *
 * A game module tells the SDK's RoomState how to read the game's entities
 * (`roomOptions`) and, once a room of the game is joined, mounts its view on
 * the page (`mount`): the page runs the frame loop, the input pump, the HUD
 * and the lobby, and hands the view the canvas, a panel for its own controls
 * and the session.
 */
import { computeCamera } from '../sdk/index.js';

/**
 * @typedef {object} GameHost what the page gives a game's view
 * @property {Document} document
 * @property {Window} window
 * @property {HTMLCanvasElement} canvas the field, sized by the page's layout
 * @property {HTMLElement} panel where the game puts its own controls (the arena's chat)
 * @property {HTMLElement} stage an empty layer over the whole field, for a game that draws with DOM
 *   instead of the canvas (the Connect Four board); clicks go through it except on what the game puts there
 * @property {import('../sdk/index.js').Session} session joined: `session.room` is the game's RoomState
 */

/**
 * @typedef {object} GameView a game's page while one of its rooms is joined
 * @property {(nowMs: number) => void} frame draws the room as it is at `nowMs`
 * @property {(nowMs: number) => import('../sdk/index.js').Direction|null} [steering] the INPUT to send now, if the game steers
 * @property {(type: number, payload: Uint8Array) => void} [onMessage] a game MESSAGE from the server
 * @property {() => {players: number|null, leaderboard: {id: number, name: string, score: number, own: boolean}[],
 *   inView?: boolean}} [hud] what the HUD shows; `inView`: the room holds only the player's view
 *   (PROTOCOL.md "Views"), so the players counted are those it sees
 * @property {() => void} unmount removes its listeners and controls
 */

/**
 * @typedef {object} GameModule
 * @property {string} name the game's name, as WELCOME and `GET /api/games` give it
 * @property {(welcome: import('../sdk/index.js').Welcome) => import('../sdk/index.js').RoomOptions} roomOptions
 * @property {(host: GameHost) => GameView} mount
 */

/**
 * A game this client has no folder for: its entities drawn as labelled dots,
 * taking fields 0 and 1 as x and y (quantized by positionScale) when they
 * exist. Enough to see a new game move before it has a page of its own.
 * @type {GameModule}
 */
export const fallbackGame = {
  name: '',
  roomOptions() {
    return {
      view: (e, welcome) => (e.fields.length >= 2
        ? { x: e.fields[0] / (welcome.positionScale || 1), y: e.fields[1] / (welcome.positionScale || 1) } : {}),
    };
  },
  mount({ window, canvas, session }) {
    const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    const room = /** @type {import('../sdk/index.js').RoomState} */ (session.room);
    return {
      frame(nowMs) {
        const dpr = window.devicePixelRatio || 1;
        canvas.width = Math.max(1, Math.round(canvas.clientWidth * dpr));
        canvas.height = Math.max(1, Math.round(canvas.clientHeight * dpr));
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        const w = room.welcome;
        const camera = computeCamera({ canvasWidth: canvas.clientWidth, canvasHeight: canvas.clientHeight,
          worldWidth: Math.max(1, w.worldWidth), worldHeight: Math.max(1, w.worldHeight), focus: room.ownPosition(nowMs) });
        ctx.fillStyle = '#10141c';
        ctx.fillRect(0, 0, canvas.clientWidth, canvas.clientHeight);
        ctx.fillStyle = '#e8ecf4';
        ctx.font = '13px system-ui, sans-serif';
        for (const e of room.view(nowMs)) {
          if (typeof e.x !== 'number' || typeof e.y !== 'number') continue;
          const p = camera.toScreen({ x: e.x, y: e.y });
          ctx.beginPath();
          ctx.arc(p.x, p.y, e.own ? 6 : 4, 0, Math.PI * 2);
          ctx.fill();
          if (e.label) ctx.fillText(e.label, p.x + 8, p.y - 8);
        }
      },
      hud: () => ({ players: null, leaderboard: [] }),
      unmount() {},
    };
  },
};
