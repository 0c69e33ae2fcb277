/**
 * The tag game's own controls on the page (in the page's game panel): the
 * round's clock, the teams' scores, the own role, and short banners for the
 * game's events. Everything shown is set with textContent: a player's name
 * is text, never HTML.
 */

/** How long a banner stays, ms. */
const BANNER_MS = 5000;
/** Banners shown at once. */
const MAX_BANNERS = 3;

export class TagPanel {
  /**
   * @param {Document} doc
   * @param {HTMLElement} panel where the page lets the game put its controls
   * @param {{setTimeout: (fn: () => void, ms: number) => any, clearTimeout: (handle: any) => void}} timers
   */
  constructor(doc, panel, timers) {
    this.doc = doc;
    this.timers = timers;
    /** @type {Set<any>} banner timers to cancel on removal */
    this.pending = new Set();
    this.root = el(doc, 'section', 'tag-status');
    this.root.setAttribute('aria-label', 'Round');
    this.events = el(doc, 'ol', 'tag-events');
    this.events.setAttribute('aria-live', 'polite');
    this.clock = el(doc, 'p', 'tag-clock');
    this.teams = el(doc, 'p', 'tag-teams');
    this.teamCells = [0, 1].map((team) => {
      const cell = el(doc, 'span', '');
      cell.className = 'team';
      cell.dataset.team = String(team);
      this.teams.append(cell);
      return cell;
    });
    this.role = el(doc, 'p', 'tag-role');
    this.root.append(this.clock, this.teams, this.role);
    panel.append(this.events, this.root);
  }

  /**
   * @param {{clock: string, secondsLeft: number, phase: number, teams: {name: string, score: number, players: number}[],
   *          role: {text: string, role: string}}} facts
   */
  show({ clock, secondsLeft, phase, teams, role }) {
    // Called every frame: each write below is skipped when nothing changed.
    setText(this.clock, clock);
    setData(this.clock, 'value', String(secondsLeft));
    setData(this.clock, 'phase', String(phase));
    teams.forEach((t, i) => {
      setText(this.teamCells[i], `${t.name} ${t.score}`);
      setData(this.teamCells[i], 'score', String(t.score));
      const title = `${t.players} player${t.players === 1 ? '' : 's'}`;
      if (this.teamCells[i].title !== title) this.teamCells[i].title = title;
    });
    setText(this.role, role.text);
    setData(this.role, 'role', role.role);
    this.role.hidden = !role.text;
  }

  /**
   * Shows a banner for a while; the oldest goes when there are too many.
   * @param {{kind: string, text: string, team: number}} banner
   */
  banner({ kind, text, team }) {
    const li = this.doc.createElement('li');
    li.dataset.kind = kind;
    li.dataset.team = String(team);
    li.textContent = text;
    this.events.append(li);
    while (this.events.children.length > MAX_BANNERS) this.events.firstElementChild?.remove();
    const handle = this.timers.setTimeout(() => {
      this.pending.delete(handle);
      li.remove();
    }, BANNER_MS);
    this.pending.add(handle);
  }

  remove() {
    for (const handle of this.pending) this.timers.clearTimeout(handle);
    this.pending.clear();
    this.events.remove();
    this.root.remove();
  }
}

/**
 * @param {Document} doc
 * @param {string} tag
 * @param {string} id
 * @returns {HTMLElement}
 */
function el(doc, tag, id) {
  const e = doc.createElement(tag);
  if (id) e.id = id;
  return e;
}

/**
 * @param {HTMLElement} e
 * @param {string} text
 */
function setText(e, text) {
  if (e.textContent !== text) e.textContent = text;
}

/**
 * @param {HTMLElement} e
 * @param {string} key
 * @param {string} value
 */
function setData(e, key, value) {
  if (e.dataset[key] !== value) e.dataset[key] = value;
}
