/**
 * The admin page: wires the views to the admin API and refreshes the room
 * list, the room shown and the bans every two seconds while the tab is
 * visible. Every action asks for confirmation first. The management token,
 * when the server has one, is typed once per tab (sessionStorage) and sent
 * as a Bearer header by every call.
 */
import { AdminClient, AdminError, describeFailure } from './api.js';
import { BansView } from './bans-view.js';
import { ConfirmDialog } from './confirm.js';
import { BAN_DURATIONS } from './format.js';
import { RoomView } from './room-view.js';
import { RoomsView } from './rooms-view.js';
import { TokenStore } from './token.js';

/** @typedef {import('./api.js').PlayerInfo} PlayerInfo */
/** @typedef {import('./api.js').BanInfo} BanInfo */

const REFRESH_MS = 2000;
const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @returns {Storage|null} the tab's storage, when the browser lets the page have it */
function sessionStorageOrNull() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

const tokens = new TokenStore(sessionStorageOrNull());
const api = new AdminClient({ token: () => tokens.get() });
const confirmDialog = new ConfirmDialog(document);
/** @type {string|null} the room shown below the list */
let selected = null;
const roomsView = new RoomsView(document, (roomId) => {
  selected = roomId;
  refresh();
});
const roomView = new RoomView(document, kick, prefillBan);
const bansView = new BansView(document, lift);

const tokenInput = /** @type {HTMLInputElement} */ ($('token'));
const noticeText = /** @type {HTMLTextAreaElement} */ ($('notice-text'));
const noticeScope = /** @type {HTMLSelectElement} */ ($('notice-scope'));
const banAddress = /** @type {HTMLInputElement} */ ($('ban-address'));
const banDuration = /** @type {HTMLSelectElement} */ ($('ban-duration'));
const banReason = /** @type {HTMLInputElement} */ ($('ban-reason'));

for (const { label, seconds } of BAN_DURATIONS) {
  banDuration.append(new Option(label, String(seconds), seconds === 3600, seconds === 3600));
}

$('token-form').addEventListener('submit', (e) => {
  e.preventDefault();
  tokens.set(tokenInput.value);
  tokenInput.value = '';
  showTokenState();
  refresh();
});
$('forget-token').addEventListener('click', () => {
  tokens.set('');
  showTokenState();
  refresh();
});
$('close-room').addEventListener('click', () => closeRoom());
$('notice-form').addEventListener('submit', (e) => {
  e.preventDefault();
  sendNotice();
});
$('ban-form').addEventListener('submit', (e) => {
  e.preventDefault();
  ban();
});

/**
 * How the last refresh went.
 * @param {string} text
 * @param {'ok'|'busy'|'bad'} tone
 */
function status(text, tone) {
  $('status').textContent = text;
  $('status').dataset.tone = tone;
}

/**
 * How the last action went: it stays until the next action, whatever the refreshes say.
 * @param {string} text
 * @param {'ok'|'busy'|'bad'} tone
 */
function outcome(text, tone) {
  $('outcome').hidden = false;
  $('outcome').textContent = text;
  $('outcome').dataset.tone = tone;
}

function showTokenState() {
  tokenInput.placeholder = tokens.get() ? 'a token is set for this tab' : 'only if management.token is set';
}

let refreshing = false;
let again = false;

/** Reloads the room list, the room shown and the bans; one refresh at a time (a request during one runs after it). */
async function refresh() {
  if (refreshing) {
    again = true;
    return;
  }
  refreshing = true;
  try {
    const { rooms } = await api.rooms();
    if (selected !== null) await showRoom(selected);
    roomsView.show(rooms, selected);
    const { bans, max } = await api.bans();
    bansView.show(bans, max);
    status(`Updated at ${new Date().toLocaleTimeString()}.`, 'ok');
  } catch (error) {
    status(describeFailure(error), 'bad');
    if (error instanceof AdminError && error.status === 401) tokenInput.focus();
  } finally {
    refreshing = false;
    if (again) {
      again = false;
      refresh();
    }
  }
}

/** @param {string} roomId */
async function showRoom(roomId) {
  try {
    const { room, players } = await api.room(roomId);
    roomView.show(room, players, Date.now());
    noticeScope.options[1].textContent = `the players of room ${room.id}`;
    noticeScope.options[1].disabled = false;
  } catch (error) {
    if (!(error instanceof AdminError) || error.status !== 404) throw error;
    // The room closed meanwhile.
    selected = null;
    roomView.hide();
    noticeScope.value = 'all';
    noticeScope.options[1].textContent = 'the players of the room shown';
    noticeScope.options[1].disabled = true;
  }
}

/**
 * Runs a confirmed action, says how it went, and refreshes.
 * @param {() => Promise<string>} action resolves to the line to show
 */
async function act(action) {
  outcome('Working…', 'busy');
  try {
    outcome(`${await action()} (${new Date().toLocaleTimeString()})`, 'ok');
  } catch (error) {
    outcome(describeFailure(error), 'bad');
  }
  await refresh();
}

/** @param {PlayerInfo} player */
async function kick(player) {
  const roomId = selected;
  if (roomId === null) return;
  const who = `${player.state === 'spectator' ? 'spectator' : 'player'} ${player.id} (${player.name})`;
  const answer = await confirmDialog.ask({
    text: `Kick ${who} out of room ${roomId}? They get code 4016 and lose their seat; they may join again (ban the `
      + 'address to keep them out).',
    reasonLabel: 'Reason, shown to them (optional)',
    confirmLabel: 'Kick',
  });
  if (!answer.ok) return;
  await act(async () => {
    await api.kick(roomId, player.id, answer.reason);
    return `Kicked ${who} from room ${roomId}.`;
  });
}

async function closeRoom() {
  const roomId = selected;
  if (roomId === null) return;
  const answer = await confirmDialog.ask({
    text: `Close room ${roomId}? Every player and spectator in it gets code 4015 and the room stops.`,
    reasonLabel: 'Reason, shown to its players (optional)',
    confirmLabel: 'Close room',
  });
  if (!answer.ok) return;
  await act(async () => {
    const closed = await api.closeRoom(roomId, answer.reason);
    selected = null;
    roomView.hide();
    return `Closed room ${roomId} (${closed.players} players, ${closed.spectators} spectators).`;
  });
}

async function sendNotice() {
  const text = noticeText.value.trim();
  if (!text) {
    outcome('Write the notice first.', 'bad');
    noticeText.focus();
    return;
  }
  const roomId = noticeScope.value === 'room' ? selected : null;
  const answer = await confirmDialog.ask({
    text: `Show this notice to ${roomId === null ? 'every connection of the server' : `the players of room ${roomId}`}?`
      + `\n\n${text}`,
    confirmLabel: 'Send notice',
  });
  if (!answer.ok) return;
  await act(async () => {
    const sent = await api.notice(text, roomId);
    noticeText.value = '';
    return sent.scope === 'room' ? `Notice sent to ${sent.sent} clients of room ${sent.room}.`
      : 'Notice sent to every connection of the server.';
  });
}

/** @param {PlayerInfo} player */
function prefillBan(player) {
  banAddress.value = player.address;
  banReason.value = '';
  banAddress.scrollIntoView({ block: 'center' });
  banReason.focus();
  outcome(`Ban ${player.address} (${player.name}): pick a duration and press Ban.`, 'ok');
}

async function ban() {
  const address = banAddress.value.trim();
  const seconds = Number(banDuration.value);
  if (!address) {
    outcome('Enter an IP address or a CIDR block to ban.', 'bad');
    banAddress.focus();
    return;
  }
  const label = banDuration.options[banDuration.selectedIndex].text;
  const answer = await confirmDialog.ask({
    text: `Ban ${address} for ${label}? New connections from it are refused (403) and its open ones closed (4016).`,
    confirmLabel: 'Ban',
  });
  if (!answer.ok) return;
  await act(async () => {
    const made = await api.ban(address, seconds, banReason.value.trim());
    banAddress.value = '';
    banReason.value = '';
    return `Banned ${made.address} until ${made.expiresAt}.`;
  });
}

/** @param {BanInfo} ban */
async function lift(ban) {
  const answer = await confirmDialog.ask({ text: `Lift the ban of ${ban.address}? It may connect again at once.`,
    confirmLabel: 'Lift ban' });
  if (!answer.ok) return;
  await act(async () => {
    await api.lift(ban.id);
    return `Lifted the ban of ${ban.address}.`;
  });
}

showTokenState();
refresh();
setInterval(() => {
  if (document.visibilityState === 'visible') refresh();
}, REFRESH_MS);
