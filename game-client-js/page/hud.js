/**
 * The HUD's text: round-trip time, FPS, players in the room, bytes received
 * per second, and the leaderboard. Each element also carries the raw number
 * in `data-value`, for tests. Text is only written when it changes.
 */

/**
 * @param {number} bytesPerSecond
 * @returns {string} e.g. "812 B/s", "3.4 KB/s"
 */
export function formatRate(bytesPerSecond) {
  if (bytesPerSecond < 1000) return `${Math.round(bytesPerSecond)} B/s`;
  if (bytesPerSecond < 1e6) return `${(bytesPerSecond / 1000).toFixed(1)} KB/s`;
  return `${(bytesPerSecond / 1e6).toFixed(2)} MB/s`;
}

/**
 * @param {number|null} ms
 * @returns {string}
 */
export function formatRtt(ms) {
  return ms === null ? 'RTT –' : `RTT ${Math.round(ms)} ms`;
}

export class Hud {
  /** @param {Document} doc */
  constructor(doc) {
    const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (doc.getElementById(id));
    this.rtt = $('hud-rtt');
    this.fps = $('hud-fps');
    this.players = $('hud-players');
    this.bytes = $('hud-bytes');
    this.leaderboard = $('leaderboard');
    this.doc = doc;
    this.lastBoard = '';
  }

  /**
   * @param {{rttMs: number|null, fps: number, players: number|null, bytesPerSecond: number,
   *          leaderboard: {id: number, name: string, score: number, own: boolean}[], inView?: boolean}} values
   *   `inView`: the player has a view (PROTOCOL.md "Views"), so the players counted are those it sees
   */
  update({ rttMs, fps, players, bytesPerSecond, leaderboard, inView = false }) {
    set(this.rtt, formatRtt(rttMs), rttMs === null ? '' : rttMs.toFixed(1));
    set(this.fps, `${Math.round(fps)} FPS`, fps.toFixed(0));
    const label = inView ? 'Players in view' : 'Players';
    set(this.players, players === null ? `${label} –` : `${label} ${players}`, players ?? '');
    set(this.bytes, `↓ ${formatRate(bytesPerSecond)}`, bytesPerSecond.toFixed(0));
    this.updateLeaderboard(leaderboard);
  }

  /** @param {{id: number, name: string, score: number, own: boolean}[]} rows */
  updateLeaderboard(rows) {
    const key = JSON.stringify(rows);
    if (key === this.lastBoard) return;
    this.lastBoard = key;
    const items = rows.map((r) => {
      const li = this.doc.createElement('li');
      li.dataset.playerId = String(r.id);
      if (r.own) li.className = 'own';
      const name = this.doc.createElement('span');
      name.className = 'name';
      name.textContent = r.name; // textContent: names are player-chosen, never HTML
      const score = this.doc.createElement('span');
      score.className = 'score';
      score.textContent = String(r.score);
      li.append(name, score);
      return li;
    });
    this.leaderboard.replaceChildren(...items);
  }
}

/**
 * @param {HTMLElement} element
 * @param {string} text
 * @param {string|number} value for `data-value`
 */
function set(element, text, value) {
  if (element.textContent !== text) element.textContent = text;
  const v = String(value);
  if (element.dataset.value !== v) element.dataset.value = v;
}
