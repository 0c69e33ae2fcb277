/**
 * One room: its facts, its players and spectators (name, state, address,
 * connected since, RTT, bytes in and out), Kick and Ban buttons per player. Everything the server sent is set with textContent:
 * names are player-chosen.
 */
import { formatAge, formatBytes, formatMetadata, formatRtt, formatState, since } from './format.js';
import { button, cell } from './dom.js';

/** @typedef {import('./api.js').RoomSummary} RoomSummary */
/** @typedef {import('./api.js').PlayerInfo} PlayerInfo */

export class RoomView {
  /**
   * @param {Document} doc
   * @param {(player: PlayerInfo) => void} kick called when a player's Kick button is clicked
   * @param {(player: PlayerInfo) => void} ban called when a player's Ban button is clicked
   */
  constructor(doc, kick, ban) {
    this.doc = doc;
    this.kick = kick;
    this.ban = ban;
    const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (doc.getElementById(id));
    this.section = $('room-section');
    this.title = $('room-title');
    this.facts = $('room-facts');
    this.rows = $('player-rows');
    this.empty = $('players-empty');
  }

  hide() {
    this.section.hidden = true;
  }

  /**
   * @param {RoomSummary} room
   * @param {PlayerInfo[]} players
   * @param {number} nowMs
   */
  show(room, players, nowMs) {
    this.section.hidden = false;
    this.section.dataset.roomId = room.id;
    this.title.textContent = room.id;
    const metadata = formatMetadata(room.metadata);
    this.facts.textContent = `${room.game}${room.private ? ', private' : ''}${room.node ? ` on node ${room.node}` : ''}:`
      + ` ${room.players} of ${room.capacity} players,`
      + ` ${room.spectators} spectators, ${room.tickHz} Hz (updates ${room.sendHz} Hz), open for ${formatAge(room.ageSeconds)}`
      + `${room.tick === undefined ? '' : `, tick ${room.tick}`}${metadata ? `; ${metadata}` : ''}.`;
    this.empty.hidden = players.length > 0;
    this.rows.replaceChildren(...players.map((p) => this.row(p, nowMs)));
  }

  /**
   * @param {PlayerInfo} player
   * @param {number} nowMs
   * @returns {HTMLTableRowElement}
   */
  row(player, nowMs) {
    const tr = this.doc.createElement('tr');
    tr.dataset.playerId = String(player.id);
    tr.dataset.state = player.state;
    const actions = this.doc.createElement('td');
    actions.className = 'actions';
    actions.append(button(this.doc, 'kick danger', 'Kick…', () => this.kick(player)), ' ',
      button(this.doc, 'ban', 'Ban address…', () => this.ban(player)));
    tr.append(cell(this.doc, String(player.id)),
      cell(this.doc, player.name, 'name'),
      cell(this.doc, formatState(player.state), `state ${player.state}`),
      cell(this.doc, player.address, 'address'),
      cell(this.doc, since(player.connectedSince, nowMs)),
      cell(this.doc, formatRtt(player.rttMillis)),
      cell(this.doc, formatBytes(player.bytesIn)),
      cell(this.doc, formatBytes(player.bytesOut)),
      actions);
    return tr;
  }
}
