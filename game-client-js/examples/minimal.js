// The smallest page on the SDK: one import, no game folder, no build step.
import { Session, socketUrl } from '../sdk/index.js';

const $ = (id) => document.getElementById(id);
const session = new Session({
  url: socketUrl(location),
  onChange: show,
});

$('join').addEventListener('click', () => session.join({ name: 'sdk' }));
$('watch').addEventListener('click', () => session.join({ name: 'sdk', spectate: true }));

function show() {
  const room = session.room;
  $('phase').textContent = session.phase;
  $('room').textContent = room ? `${room.game} ${room.roomId}` : '–';
  if (!room) return;
  // The own entity first, then the rest by id.
  const entities = room.latest().sort((a, b) => Number(b.own) - Number(a.own));
  $('tick').textContent = String(room.world.tick);
  $('count').textContent = String(entities.length);
  $('entities').replaceChildren(...entities.slice(0, 20).map((e) => {
    const li = document.createElement('li');
    li.textContent = `#${e.id} kind ${e.kind}${e.label ? ` "${e.label}"` : ''}${e.own ? ' (you)' : ''}`;
    return li;
  }));
}

// State arrives 20 times a second; the page redraws its text at most every frame.
setInterval(show, 250);
