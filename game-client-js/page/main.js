/**
 * The page: wires the DOM to the SDK's session, mounts the view of the game
 * a WELCOME names (page/games.js), runs the render loop and the input pump,
 * and exposes a read-only debug hook for browser tests
 * (`window.arena.state()`). Everything with logic lives in the modules; this
 * file only connects them.
 */
import { fetchGames, fetchRooms, Phase, RateMeter, RoomState, Session, socketUrl } from '../sdk/index.js';
import { gameModule } from './games.js';
import { Hud } from './hud.js';
import { LobbyView } from './lobby-view.js';
import { reconnectingText, statusText } from './status-text.js';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const NAME_KEY = 'arena.name';
const ROOMS_REFRESH_MS = 5000;
const INPUT_PUMP_MS = 10;
const HUD_REFRESH_MS = 250;

// The page talks to the server that served it, and to no other (sdk/net/server-url.js).
const wsUrl = socketUrl(location);

const canvas = /** @type {HTMLCanvasElement} */ ($('canvas'));
const hud = new Hud(document);
const fps = new RateMeter(1000);
/** @type {import('./game-module.js').GameView|null} the view of the room joined */
let view = null;
/** @type {RoomState|null} the room `view` shows */
let viewedRoom = null;
/** @type {string|null} the game the lobby shows, null until the server's list is in */
let chosenGame = null;
/** @type {boolean|null} */
let shownLobby = null;
/** @type {any} */
let roomsTimer = null;
/** @type {{text: string, at: number}|null} the operators' notice the player dismissed */
let dismissedNotice = null;

const session = new Session({
  url: wsUrl,
  onChange: () => updateUi(),
  createRoom: (welcome) => new RoomState(welcome, gameModule(welcome.game).roomOptions(welcome)),
  onMessage: (type, payload) => view?.onMessage?.(type, payload),
});

// The name is remembered; storage may be unavailable (private modes, file://), which is fine.
const remember = (/** @type {string} */ name) => { try { localStorage.setItem(NAME_KEY, name); } catch { /* not remembered */ } };
const remembered = () => { try { return localStorage.getItem(NAME_KEY) ?? ''; } catch { return ''; } };

const lobby = new LobbyView(document, {
  join: (request) => {
    remember(request.name ?? '');
    session.join(request);
  },
  refresh: () => refreshLobby(),
  chooseGame: (game) => {
    chosenGame = game;
    refreshLobby();
  },
});
/** @type {HTMLInputElement} */ ($('name')).value = remembered();
$('rejoin').addEventListener('click', () => session.rejoin());
$('back-to-lobby').addEventListener('click', () => session.forgetRoom());
$('leave').addEventListener('click', () => session.leave());
$('notice-dismiss').addEventListener('click', () => {
  dismissedNotice = session.notice;
  showNotice();
});

/** Shows the view and texts that fit the session's phase, and mounts the game of a new room. */
function updateUi() {
  const phase = session.phase;
  const reconnecting = phase === Phase.RECONNECTING;
  const inGame = phase === Phase.PLAYING || reconnecting || (phase === Phase.CLOSED && session.room !== null);
  $('lobby').hidden = inGame;
  $('game').hidden = !inGame;
  mountRoom(inGame ? session.room : null);
  const status = statusText(session);
  $('status').textContent = status.text;
  $('status-bar').dataset.tone = status.tone;
  $('status-bar').dataset.phase = phase;
  $('rejoin').hidden = !(phase === Phase.CLOSED && session.lastJoin);
  $('back-to-lobby').hidden = !(phase === Phase.CLOSED && session.room);
  $('leave').hidden = phase !== Phase.PLAYING;
  // While reconnecting the last picture stays, under the attempt count; Rejoin only once the seat is gone.
  $('overlay').hidden = !(reconnecting || (phase === Phase.CLOSED && session.room));
  $('overlay-text').textContent = reconnecting ? reconnectingText(session)
    : session.closeInfo ? session.closeInfo.text : '';
  showRoomInfo(session.room);
  showNotice();
  lobby.setBusy(phase === Phase.CONNECTING || phase === Phase.JOINING);
  const e = session.lastError;
  lobby.showError(!inGame && e ? (e.message ? `${e.text} Server: ${e.message}` : e.text) : null);
  if (shownLobby !== !inGame) {
    shownLobby = !inGame;
    if (shownLobby) startLobbyRefresh();
    else stopLobbyRefresh();
  }
}

/**
 * Mounts the view of the game of `room` (unmounting the previous one) when the room changes.
 * @param {RoomState|null} room
 */
function mountRoom(room) {
  if (room === viewedRoom) return;
  view?.unmount();
  view = null;
  viewedRoom = room;
  if (room) view = gameModule(room.game).mount({ document, window, canvas, panel: $('game-panel'), stage: $('stage'), session });
}

/** @param {RoomState|null} room */
function showRoomInfo(room) {
  $('room-code').hidden = !room?.privateCode;
  $('room-code-value').textContent = room?.privateCode ?? '';
  $('spectating').hidden = !room?.spectator;
}

/** The operators' last NOTICE as a banner, until dismissed or replaced: text only, never markup. */
function showNotice() {
  const notice = session.notice;
  $('notice').hidden = notice === null || notice === dismissedNotice;
  $('notice-text').textContent = notice ? notice.text : '';
}

async function refreshLobby() {
  lobby.showRoomsStatus('Loading rooms…');
  try {
    const { defaultGame, games } = await fetchGames();
    if (!chosenGame || !games.some((g) => g.name === chosenGame)) chosenGame = defaultGame;
    lobby.showGames(games, chosenGame);
    lobby.showRooms(await fetchRooms('', { game: chosenGame }));
    lobby.setBusy(session.phase === Phase.CONNECTING || session.phase === Phase.JOINING);
  } catch (error) {
    lobby.showRoomsStatus(`Could not load the rooms: ${/** @type {Error} */ (error).message}`);
  }
}

function startLobbyRefresh() {
  refreshLobby();
  roomsTimer = setInterval(() => {
    if (document.visibilityState === 'visible') refreshLobby();
  }, ROOMS_REFRESH_MS);
}

function stopLobbyRefresh() {
  clearInterval(roomsTimer);
  roomsTimer = null;
}

// Inputs are paced by a timer, not by frames: the rate stays 20 Hz whatever the frame rate.
setInterval(() => {
  const direction = view?.steering?.(performance.now());
  if (direction) session.steer(direction);
}, INPUT_PUMP_MS);

let lastHud = 0;
function frame() {
  const now = performance.now();
  if (view && !$('game').hidden) {
    fps.add(now);
    view.frame(session.viewTime());
  }
  if (now - lastHud >= HUD_REFRESH_MS) {
    lastHud = now;
    const facts = view?.hud?.() ?? { players: null, leaderboard: [] };
    hud.update({ rttMs: session.rtt.smoothed, fps: fps.rate(now), players: facts.players,
      bytesPerSecond: session.bytesIn.rate(now), leaderboard: facts.leaderboard, inView: facts.inView ?? false });
  }
  requestAnimationFrame(frame);
}

/**
 * Read-only debug hook for browser tests: positions in world units, no pixel reading needed.
 * `entities` is the newest server state, as the game's view reads it; `ownPosition` is where
 * the own player is drawn (predicted).
 */
Object.defineProperty(window, 'arena', {
  value: Object.freeze({
    state() {
      const room = session.room;
      const e = session.lastError;
      return {
        connected: session.connected,
        phase: session.phase,
        game: room ? room.game : null,
        playerId: room ? room.playerId : null,
        roomId: room ? room.roomId : null,
        privateCode: room ? room.privateCode : null,
        spectator: room ? room.spectator : false,
        tick: room ? room.world.tick : null,
        entities: room ? room.latest().map(({ own, lastSeq, ...facts }) => facts) : [],
        ownPosition: room ? room.ownPosition(session.viewTime()) : null,
        rttMs: session.rtt.smoothed,
        close: session.closeInfo ? { code: session.closeInfo.code, text: session.closeInfo.text } : null,
        reconnect: session.reconnect,
        resumes: session.recovery.resumes,
        error: e ? { code: e.code, message: e.message } : null,
        notice: session.notice ? session.notice.text : null,
      };
    },
  }),
});

updateUi();
requestAnimationFrame(frame);
