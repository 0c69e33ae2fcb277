/**
 * The tag game for the page: how its entities are read (`roomOptions`:
 * players, teams and the round, with the steering prediction for the own
 * player) and its view while a room is joined (`mount`). Uses only the
 * SDK's public entry point.
 */
import { SteeringPredictor } from '../../sdk/index.js';
import { tagView } from './entities.js';
import { TagView } from './view.js';

/** @type {import('../../page/game-module.js').GameModule} */
export const tag = {
  name: 'tag',
  roomOptions(welcome) {
    const speed = welcome.params?.runnerSpeed ?? 200;
    return {
      view: tagView,
      // The view sets the speed the own player has now (an it is faster, a frozen one still).
      prediction: new SteeringPredictor({
        worldWidth: welcome.worldWidth, worldHeight: welcome.worldHeight, tickHz: welcome.tickHz, speed,
      }),
      // A new round lines everyone up on their side: a jump, not a slide.
      teleportDistance: Math.max(100, speed),
    };
  },
  mount(host) {
    return new TagView(host);
  },
};
