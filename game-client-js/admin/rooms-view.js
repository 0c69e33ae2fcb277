/**
 * The room list: one row per room (private ones marked), its id a button
 * that shows the room. In a cluster every room names its node (the column
 * shows only then). Everything the server sent is set with textContent.
 */
import { button, cell } from './dom.js';
import { formatAge, formatMetadata } from './format.js';

/** @typedef {import('./api.js').RoomSummary} RoomSummary */

export class RoomsView {
  /**
   * @param {Document} doc
   * @param {(roomId: string) => void} open called when a room's button is clicked
   */
  constructor(doc, open) {
    this.doc = doc;
    this.open = open;
    this.rows = /** @type {HTMLElement} */ (doc.getElementById('room-rows'));
    this.empty = /** @type {HTMLElement} */ (doc.getElementById('rooms-empty'));
    this.count = /** @type {HTMLElement} */ (doc.getElementById('rooms-count'));
    this.nodeColumn = /** @type {HTMLElement} */ (doc.getElementById('node-column'));
  }

  /**
   * @param {RoomSummary[]} rooms
   * @param {string|null} selected the room shown below, highlighted
   */
  show(rooms, selected) {
    this.count.textContent = `(${rooms.length})`;
    this.empty.hidden = rooms.length > 0;
    const clustered = rooms.some((room) => room.node);
    this.nodeColumn.hidden = !clustered;
    this.rows.replaceChildren(...rooms.map((room) => this.row(room, room.id === selected, clustered)));
  }

  /**
   * @param {RoomSummary} room
   * @param {boolean} selected
   * @param {boolean} clustered whether the node column shows
   * @returns {HTMLTableRowElement}
   */
  row(room, selected, clustered) {
    const tr = this.doc.createElement('tr');
    tr.dataset.roomId = room.id;
    if (selected) tr.className = 'selected';
    const idCell = this.doc.createElement('td');
    idCell.append(button(this.doc, 'room-link', room.id, () => this.open(room.id)));
    if (room.private) {
      const mark = this.doc.createElement('span');
      mark.className = 'tag';
      mark.textContent = 'private';
      idCell.append(' ', mark);
    }
    const node = cell(this.doc, room.node ?? '', 'node');
    node.hidden = !clustered;
    tr.append(idCell, node,
      cell(this.doc, room.game),
      cell(this.doc, `${room.players} / ${room.capacity}`, 'players'),
      cell(this.doc, `${room.spectators} / ${room.maxSpectators}`),
      cell(this.doc, `${room.tickHz} Hz`),
      cell(this.doc, formatAge(room.ageSeconds)),
      cell(this.doc, formatMetadata(room.metadata)));
    return tr;
  }
}
