/**
 * The arena game for the page: how its entities are read (`roomOptions`:
 * positions, acknowledged seq, score, and the steering prediction) and its
 * view while a room is joined (`mount`). Uses only the SDK's public entry
 * point.
 */
import { SteeringPredictor } from '../../sdk/index.js';
import { arenaView } from './entity-views.js';
import { ArenaView } from './view.js';

/** Player speed, world units per second, when WELCOME does not carry `params.playerSpeed`. */
export const PLAYER_SPEED = 200;

/** @type {import('../../page/game-module.js').GameModule} */
export const arena = {
  name: 'arena',
  roomOptions(welcome) {
    const speed = welcome.params?.playerSpeed ?? PLAYER_SPEED;
    return {
      view: arenaView,
      prediction: new SteeringPredictor({
        worldWidth: welcome.worldWidth, worldHeight: welcome.worldHeight, tickHz: welcome.tickHz, speed,
      }),
      teleportDistance: Math.max(100, speed),
    };
  },
  mount(host) {
    return new ArenaView(host);
  },
};
