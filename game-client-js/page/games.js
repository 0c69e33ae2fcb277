/**
 * The games this client has a page for, by name. A new game's folder adds
 * one line here; a game the server offers without one is shown with the
 * fallback view.
 */
import { arena } from '../games/arena/index.js';
import { tag } from '../games/tag/index.js';
import { connect4 } from '../games/connect4/index.js';
import { fallbackGame } from './game-module.js';

/** @type {Map<string, import('./game-module.js').GameModule>} */
const GAMES = new Map([[arena.name, arena], [tag.name, tag], [connect4.name, connect4]]);

/**
 * @param {string} name a game's name, from WELCOME
 * @returns {import('./game-module.js').GameModule}
 */
export function gameModule(name) {
  return GAMES.get(name) ?? fallbackGame;
}
