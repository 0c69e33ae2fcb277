/**
 * The page: wires the DOM to the session, runs the render loop and the input
 * pump, and exposes a read-only debug hook for browser tests
 * (`window.arena.state()`). Everything with logic lives in the modules; this
 * file only connects them.
 */
import { KeyboardSteering } from './input/keyboard.js';
import { PointerSteering } from './input/pointer.js';
import { pointerToDirection, STILL } from './input/direction.js';
import { fetchRooms } from './net/rooms-api.js';
import { socketUrl } from './net/server-url.js';
import { Session } from './net/session.js';
import { computeCamera } from './render/camera.js';
import { Hud } from './render/hud.js';
import { LobbyView } from './render/lobby-view.js';
import { drawEdgeIndicators, edgeIndicators } from './render/edge-indicators.js';
import { drawMinimap, minimapLayout } from './render/minimap.js';
import { drawFrame } from './render/renderer.js';
import { statusText } from './render/status-text.js';
import { Phase } from './state/phase.js';
import { RateMeter } from './state/rate-meter.js';

const $ = (id) => document.getElementById(id);
const NAME_KEY = 'arena.name';
const ROOMS_REFRESH_MS = 5000;
const INPUT_PUMP_MS = 10;
const HUD_REFRESH_MS = 250;

// The page talks to the server that served it, and to no other (net/server-url.js).
const wsUrl = socketUrl(location);

const canvas = $('canvas');
const ctx = canvas.getContext('2d');
const hud = new Hud(document);
const keyboard = new KeyboardSteering(window);
const pointer = new PointerSteering(canvas);
const fps = new RateMeter(1000);
let camera = null;
let shownLobby = null;
let roomsTimer = null;

const session = new Session({ url: wsUrl, onChange: () => updateUi() });

// The name is remembered; storage may be unavailable (private modes, file://), which is fine.
const remember = (name) => { try { localStorage.setItem(NAME_KEY, name); } catch { /* not remembered */ } };
const remembered = () => { try { return localStorage.getItem(NAME_KEY) ?? ''; } catch { return ''; } };

const lobby = new LobbyView(document, {
  join: (roomId, name) => {
    remember(name);
    session.join(roomId, name);
  },
  refresh: () => refreshRooms(),
});
$('name').value = remembered();
$('rejoin').addEventListener('click', () => session.rejoin());
$('back-to-lobby').addEventListener('click', () => session.forgetRoom());
$('leave').addEventListener('click', () => session.leave());

/** Shows the view and texts that fit the session's phase. */
function updateUi() {
  const phase = session.phase;
  const inGame = phase === Phase.PLAYING || (phase === Phase.CLOSED && session.room !== null);
  $('lobby').hidden = inGame;
  $('game').hidden = !inGame;
  const status = statusText(session);
  $('status').textContent = status.text;
  $('status-bar').dataset.tone = status.tone;
  $('status-bar').dataset.phase = phase;
  $('rejoin').hidden = !(phase === Phase.CLOSED && session.lastJoin);
  $('back-to-lobby').hidden = !(phase === Phase.CLOSED && session.room);
  $('leave').hidden = phase !== Phase.PLAYING;
  $('overlay').hidden = !(phase === Phase.CLOSED && session.room);
  $('overlay-text').textContent = session.closeInfo ? session.closeInfo.text : '';
  lobby.setBusy(phase === Phase.CONNECTING || phase === Phase.JOINING);
  const e = session.lastError;
  lobby.showError(!inGame && e ? (e.message ? `${e.text} Server: ${e.message}` : e.text) : null);
  if (shownLobby !== !inGame) {
    shownLobby = !inGame;
    if (shownLobby) startRoomRefresh();
    else stopRoomRefresh();
  }
}

async function refreshRooms() {
  lobby.showRoomsStatus('Loading rooms…');
  try {
    lobby.showRooms(await fetchRooms());
    lobby.setBusy(session.phase === Phase.CONNECTING || session.phase === Phase.JOINING);
  } catch (error) {
    lobby.showRoomsStatus(`Could not load the rooms: ${error.message}`);
  }
}

function startRoomRefresh() {
  refreshRooms();
  roomsTimer = setInterval(() => {
    if (document.visibilityState === 'visible') refreshRooms();
  }, ROOMS_REFRESH_MS);
}

function stopRoomRefresh() {
  clearInterval(roomsTimer);
  roomsTimer = null;
}

/** The steering now: keys win over the pointer; the pointer steers from the own player's screen position. */
function currentDirection(now) {
  const keys = keyboard.direction();
  if (keys) return keys;
  const target = pointer.target();
  const room = session.room;
  if (!target || !room || !camera) return STILL;
  const own = room.ownPosition(now);
  if (!own) return STILL;
  return pointerToDirection(camera.toScreen(own), target, 10);
}

// Inputs are paced by a timer, not by frames: the rate stays 20 Hz whatever the frame rate.
setInterval(() => session.steer(currentDirection(performance.now())), INPUT_PUMP_MS);

function fitCanvas() {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
  const h = Math.max(1, Math.round(canvas.clientHeight * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { width: canvas.clientWidth, height: canvas.clientHeight };
}

let lastHud = 0;
function frame() {
  const now = performance.now();
  const room = session.room;
  if (room && !$('game').hidden) {
    fps.add(now);
    const t = session.viewTime();
    const { width, height } = fitCanvas();
    const w = room.welcome;
    camera = computeCamera({
      canvasWidth: width, canvasHeight: height, worldWidth: w.worldWidth, worldHeight: w.worldHeight, focus: room.ownPosition(t),
    });
    const entities = room.view(t);
    drawFrame(ctx, { width, height, camera, worldWidth: w.worldWidth, worldHeight: w.worldHeight, entities });
    drawEdgeIndicators(ctx, edgeIndicators({ camera, width, height, entities }));
    const layout = minimapLayout({ canvasWidth: width, canvasHeight: height, worldWidth: w.worldWidth, worldHeight: w.worldHeight });
    drawMinimap(ctx, { layout, camera, canvasWidth: width, canvasHeight: height, entities, viewRadius: room.viewRadius });
  }
  if (now - lastHud >= HUD_REFRESH_MS) {
    lastHud = now;
    hud.update({
      rttMs: session.rtt.smoothed,
      fps: fps.rate(now),
      players: room ? room.playerCount() : null,
      bytesPerSecond: session.bytesIn.rate(now),
      leaderboard: room ? room.leaderboard(10) : [],
      inView: room !== null && room.viewRadius !== null,
    });
  }
  requestAnimationFrame(frame);
}

/**
 * Read-only debug hook for browser tests: positions in world units, no pixel reading needed.
 * `entities` is the newest server state; `ownPosition` is where the own player is drawn (predicted).
 */
window.arena = Object.freeze({
  state() {
    const room = session.room;
    const e = session.lastError;
    return {
      connected: session.connected,
      phase: session.phase,
      playerId: room ? room.playerId : null,
      roomId: room ? room.roomId : null,
      tick: room ? room.world.tick : null,
      entities: room ? room.latest().map(({ id, kind, label, x, y, score }) => ({ id, kind, label, x, y, score })) : [],
      ownPosition: room ? room.ownPosition(session.viewTime()) : null,
      rttMs: session.rtt.smoothed,
      close: session.closeInfo ? { code: session.closeInfo.code, text: session.closeInfo.text } : null,
      error: e ? { code: e.code, message: e.message } : null,
    };
  },
});

updateUi();
requestAnimationFrame(frame);
