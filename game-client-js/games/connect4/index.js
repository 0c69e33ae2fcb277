/**
 * Connect Four for the page: how its entities are read (`roomOptions`: the
 * facts of each match, player and disc entity; no motion, no prediction) and
 * its view while a room is joined (`mount`). Uses only the SDK's public entry
 * point.
 */
import { entityFacts } from './board-state.js';
import { ConnectFourView } from './view.js';

/** @type {import('../../page/game-module.js').GameModule} */
export const connect4 = {
  name: 'connect4',
  roomOptions() {
    return { view: entityFacts };
  },
  mount(host) {
    return new ConnectFourView(host);
  },
};
