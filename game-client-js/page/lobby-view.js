/**
 * The lobby: the player's name, the game to play, quick-join, join by id,
 * private rooms (create one, or join or watch one with its code), the room
 * list of the chosen game (join or watch each room) and the message of a
 * refused join. DOM glue; the decisions are the Session's.
 */

/** @typedef {import('../sdk/index.js').RoomInfo} RoomInfo */
/** @typedef {import('../sdk/index.js').GameInfo} GameInfo */
/** @typedef {import('../sdk/index.js').JoinRequest} JoinRequest */

export class LobbyView {
  /**
   * @param {Document} doc
   * @param {object} actions
   * @param {(request: JoinRequest) => void} actions.join
   * @param {() => void} actions.refresh reload the games and the room list
   * @param {(game: string) => void} actions.chooseGame another game was picked
   */
  constructor(doc, actions) {
    this.doc = doc;
    const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (doc.getElementById(id));
    this.nameInput = /** @type {HTMLInputElement} */ ($('name'));
    this.roomIdInput = /** @type {HTMLInputElement} */ ($('room-id'));
    this.codeInput = /** @type {HTMLInputElement} */ ($('private-code'));
    this.gameSelect = /** @type {HTMLSelectElement} */ ($('game-select'));
    this.gameDescription = $('game-description');
    this.list = $('room-list');
    this.roomsStatus = $('rooms-status');
    this.error = $('error');
    this.buttons = ['quick-join', 'join-room', 'create-private', 'join-code', 'watch-code'].map($);

    const join = (/** @type {JoinRequest} */ request) => actions.join({ game: this.game(), name: this.name(), ...request });
    $('quick-join').addEventListener('click', () => join({}));
    $('create-private').addEventListener('click', () => join({ createPrivate: true }));
    $('join-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const id = this.roomIdInput.value.trim();
      if (id) join({ roomId: id });
      else this.showError('Enter a room id, or use quick-join.');
    });
    const byCode = (/** @type {boolean} */ spectate) => {
      const code = this.codeInput.value.trim();
      // The code decides the room, and so the game: none is named.
      if (code) actions.join({ name: this.name(), privateCode: code, spectate });
      else this.showError('Enter the 6-character code of a private room.');
    };
    $('code-form').addEventListener('submit', (e) => {
      e.preventDefault();
      byCode(false);
    });
    $('watch-code').addEventListener('click', () => byCode(true));
    $('refresh-rooms').addEventListener('click', () => actions.refresh());
    this.gameSelect.addEventListener('change', () => actions.chooseGame(this.gameSelect.value));
    this.list.addEventListener('click', (e) => {
      const button = /** @type {HTMLElement|null} */ (/** @type {HTMLElement} */ (e.target).closest('button[data-room-id]'));
      if (button) join({ roomId: button.dataset.roomId, spectate: button.dataset.action === 'watch' });
    });
    /** @type {GameInfo[]} */
    this.games = [];
  }

  /** @returns {string} the name as typed, trimmed (blank -> the server names you "Player") */
  name() {
    return this.nameInput.value.trim();
  }

  /** @returns {string|null} the game picked, or null before the list is in (the server's default) */
  game() {
    return this.gameSelect.value || null;
  }

  /** @param {boolean} busy while connecting or joining, joins are disabled (a second JOIN would be refused) */
  setBusy(busy) {
    for (const b of [...this.buttons, ...this.list.querySelectorAll('button')]) {
      /** @type {HTMLButtonElement} */ (b).disabled = busy || /** @type {HTMLElement} */ (b).dataset.full === 'true';
    }
  }

  /** @param {string|null} text the refusal to show, or null to clear */
  showError(text) {
    this.error.textContent = text ?? '';
    this.error.hidden = !text;
  }

  /** @param {string} text e.g. "Loading rooms…" or an error */
  showRoomsStatus(text) {
    this.roomsStatus.textContent = text;
  }

  /**
   * @param {GameInfo[]} games the games the server offers
   * @param {string} chosen the one to show picked
   */
  showGames(games, chosen) {
    this.games = games;
    const options = games.map((g) => {
      const option = this.doc.createElement('option');
      option.value = g.name;
      option.textContent = `${g.name} · ${g.players} playing in ${g.rooms} room${g.rooms === 1 ? '' : 's'}`;
      return option;
    });
    this.gameSelect.replaceChildren(...options);
    this.gameSelect.value = chosen;
    const g = games.find((x) => x.name === chosen);
    this.gameDescription.textContent = g ? `${g.description} Up to ${g.capacity} players a room.` : '';
  }

  /** @param {RoomInfo[]} rooms */
  showRooms(rooms) {
    this.showRoomsStatus(rooms.length ? `${rooms.length} room${rooms.length === 1 ? '' : 's'}` : 'No rooms yet: quick-join opens one.');
    const items = rooms.map((room) => {
      const li = this.doc.createElement('li');
      li.dataset.roomId = room.id;
      const label = this.doc.createElement('span');
      label.className = 'room-label';
      const meta = Object.entries(room.metadata).map(([k, v]) => `${k}: ${v}`).join(', ');
      label.textContent = `${room.id} · ${room.game}${meta ? ` (${meta})` : ''}`;
      const count = this.doc.createElement('span');
      count.className = 'room-count';
      count.textContent = `${room.players}/${room.capacity}${room.spectators ? ` +${room.spectators} watching` : ''}`;
      const full = room.capacity > 0 && room.players >= room.capacity;
      const join = this.button(room.id, 'join', full ? 'Full' : 'Join', full);
      const watching = room.maxSpectators > 0 && room.spectators >= room.maxSpectators;
      const watch = this.button(room.id, 'watch', 'Watch', watching || room.maxSpectators === 0);
      li.append(label, count, join, watch);
      return li;
    });
    this.list.replaceChildren(...items);
  }

  /**
   * @param {string} roomId
   * @param {'join'|'watch'} action
   * @param {string} text
   * @param {boolean} full
   */
  button(roomId, action, text, full) {
    const button = this.doc.createElement('button');
    button.type = 'button';
    button.dataset.roomId = roomId;
    button.dataset.action = action;
    button.dataset.full = String(full);
    button.textContent = text;
    button.disabled = full;
    return button;
  }
}
