/**
 * The lobby: the player's name, quick-join, join by id, the room list and
 * the message of a refused join. DOM glue; the decisions are the Session's.
 */

/** @typedef {import('../net/rooms-api.js').RoomInfo} RoomInfo */

export class LobbyView {
  /**
   * @param {Document} doc
   * @param {object} actions
   * @param {(roomId: string|null, name: string) => void} actions.join roomId null = quick-join
   * @param {() => void} actions.refresh reload the room list
   */
  constructor(doc, actions) {
    this.doc = doc;
    this.nameInput = doc.getElementById('name');
    this.roomIdInput = doc.getElementById('room-id');
    this.list = doc.getElementById('room-list');
    this.roomsStatus = doc.getElementById('rooms-status');
    this.error = doc.getElementById('error');
    this.buttons = [doc.getElementById('quick-join'), doc.getElementById('join-room')];

    doc.getElementById('quick-join').addEventListener('click', () => actions.join(null, this.name()));
    doc.getElementById('join-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const id = this.roomIdInput.value.trim();
      if (id) actions.join(id, this.name());
      else this.showError('Enter a room id, or use quick-join.');
    });
    doc.getElementById('refresh-rooms').addEventListener('click', () => actions.refresh());
    this.list.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-room-id]');
      if (button) actions.join(button.dataset.roomId, this.name());
    });
  }

  /** @returns {string} the name as typed, trimmed (blank -> the server names you "Player") */
  name() {
    return this.nameInput.value.trim();
  }

  /** @param {boolean} busy while connecting or joining, joins are disabled (a second JOIN would be refused) */
  setBusy(busy) {
    for (const b of [...this.buttons, ...this.list.querySelectorAll('button')]) b.disabled = busy || b.dataset.full === 'true';
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

  /** @param {RoomInfo[]} rooms */
  showRooms(rooms) {
    this.showRoomsStatus(rooms.length ? `${rooms.length} room${rooms.length === 1 ? '' : 's'}` : 'No rooms yet: quick-join opens one.');
    const items = rooms.map((room) => {
      const li = this.doc.createElement('li');
      li.dataset.roomId = room.id;
      const label = this.doc.createElement('span');
      label.className = 'room-label';
      label.textContent = `${room.id} · ${room.game}`;
      const count = this.doc.createElement('span');
      count.className = 'room-count';
      count.textContent = `${room.players}/${room.capacity}`;
      const button = this.doc.createElement('button');
      button.type = 'button';
      button.dataset.roomId = room.id;
      const full = room.capacity > 0 && room.players >= room.capacity;
      button.dataset.full = String(full);
      button.textContent = full ? 'Full' : 'Join';
      button.disabled = full;
      li.append(label, count, button);
      return li;
    });
    this.list.replaceChildren(...items);
  }
}
