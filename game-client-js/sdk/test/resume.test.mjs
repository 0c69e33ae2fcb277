// Taking the seat back after a drop (PROTOCOL.md "RESUME"): the schedule of
// attempts, and the session against a scripted server with simulated time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Phase, PROTOCOL_VERSION, RoomState, Session } from '@arena/sdk';
import { isResumable, ResumeSchedule, silenceLimitMs } from '../net/resume.js';
import { ScriptedSocket, SimulatedClock } from './support/scripted-socket.mjs';

const TOKEN = 'q3Zt-9vB_xY0aLk2mN8pQr5sTu7wVx1y';
const WELCOME = {
  protocolVersion: PROTOCOL_VERSION, playerId: 1, roomId: 'r1', game: 'arena', flags: 0, privateCode: null, tickHz: 20, sendHz: 20, serverTime: 1700000000000, worldWidth: 2000, worldHeight: 2000,
  positionScale: 4, params: { playerSpeed: 200 }, reconnectGraceMillis: 15000, resumeToken: TOKEN,
};
const ann = { id: 1, kind: 1, label: 'ann', fields: [4000, 4000, 0, 7] };

function setup({ random = () => 0.5 } = {}) {
  const sockets = [];
  const clock = new SimulatedClock();
  const session = new Session({
    url: 'ws://test/ws',
    createSocket: (url) => {
      const s = new ScriptedSocket(url);
      sockets.push(s);
      return s;
    },
    now: () => clock.now,
    setInterval: clock.setInterval,
    clearInterval: clock.clear,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clear,
    random,
    // A game whose player entity carries its score in field 3.
    createRoom: (w) => new RoomState(w, { view: (e) => ({ score: e.fields[3] }) }),
  });
  return { session, sockets, clock };
}

function play({ session, sockets }, welcome = WELCOME) {
  session.join(null, 'ann');
  const socket = sockets.at(-1);
  socket.accept();
  socket.deliver('SERVER_WELCOME', welcome);
  socket.deliver('SERVER_SNAPSHOT', { tick: 100, entities: [ann] });
  socket.take();
  return socket;
}

test('attempts start within 250 ms, back off exponentially with jitter, and stop at the window', () => {
  const schedule = new ResumeSchedule({ windowMs: 5000, startMs: 0, random: () => 0.5 });
  assert.equal(schedule.nextDelay(0), 125, 'the first within 250 ms');
  assert.deepEqual([schedule.nextDelay(200), schedule.nextDelay(600), schedule.nextDelay(1400)], [375, 750, 1500]);
  assert.equal(schedule.nextDelay(2900), 2100, 'the step is capped, then clipped to the window');
  assert.equal(schedule.nextDelay(5000), null, 'the window is over');

  const first = (r) => new ResumeSchedule({ windowMs: 5000, startMs: 0, random: () => r }).nextDelay(0);
  assert.ok(first(0) >= 0 && first(0.999) < 250, 'jitter keeps the first try within 250 ms');
  const capped = new ResumeSchedule({ windowMs: 60000, startMs: 0, random: () => 0.999 });
  for (let i = 0; i < 10; i++) capped.nextDelay(0);
  assert.ok(capped.nextDelay(0) < 4000, 'no step past maxDelayMs');
});

test('which closes are worth a RESUME, and how long silence may last', () => {
  for (const code of [1005, 1006, 1011, 1012, 1013, 4002, 4010]) assert.ok(isResumable(code), String(code));
  for (const code of [1000, 1001, 1002, 1003, 1008, 1009, 4003, 4008, 4009, 4011, 4015, 4016]) assert.ok(!isResumable(code), String(code));
  assert.equal(silenceLimitMs(20), 2000);
  assert.equal(silenceLimitMs(1), 4000);
});

test('a drop while playing keeps the picture and takes the seat back with RESUME from the last tick', () => {
  const t = setup();
  const old = play(t);
  const { session, sockets, clock } = t;
  session.room.recordInput(1, 1, 0, clock.now);
  session.inputs.seq = 1;

  old.serverCloses(1006);
  assert.equal(session.phase, Phase.RECONNECTING);
  assert.ok(session.room, 'the picture stays');
  assert.equal(session.viewTime(), clock.now);
  assert.equal(sockets.length, 1, 'no attempt before its delay');
  clock.advance(249);
  assert.equal(sockets.length, 2, 'the first attempt within 250 ms');
  assert.deepEqual(session.reconnect, { attempt: 1 });
  sockets[1].accept();
  assert.deepEqual(sockets[1].take(), [
    { message: 'CLIENT_RESUME', fields: { protocolVersion: PROTOCOL_VERSION, token: TOKEN, lastTick: 100 } },
  ]);

  sockets[1].deliver('SERVER_WELCOME', { ...WELCOME, serverTime: 1700000005000 });
  assert.equal(session.phase, Phase.PLAYING);
  assert.equal(session.recovery.resumes, 1);
  assert.equal(session.reconnect, null);
  assert.equal(session.room.playerId, 1);
  sockets[1].deliver('SERVER_DELTA', { tick: 140, baselineTick: 100, removed: [], spawns: [],
    changed: [{ id: 1, mask: 0b1001, diffs: [40, 3] }] });
  assert.equal(session.room.world.tick, 140, 'the delta applies to the state held before the drop');
  assert.equal(session.room.latest()[0].score, 10, 'same entity, same score');
  assert.ok(session.steer({ dx: 0, dy: 1 }));
  assert.equal(sockets[1].take().find((m) => m.message === 'CLIENT_INPUT').fields.seq, 2, 'seq goes on');
});

test('failed attempts back off, show the attempt, and after the window the close is final with Rejoin', () => {
  const t = setup();
  const old = play(t);
  const { session, sockets, clock } = t;
  old.serverCloses(1006);
  let attempts = 0;
  while (session.phase === Phase.RECONNECTING && attempts < 50) {
    clock.advance(100);
    if (sockets.length - 1 > attempts) {
      attempts++;
      assert.equal(session.reconnect.attempt, attempts);
      sockets.at(-1).serverCloses(1006);
    }
  }
  assert.equal(session.phase, Phase.CLOSED);
  assert.ok(attempts >= 4 && attempts <= 10, `${attempts} attempts in 15 s`);
  assert.ok(clock.now - 1000 >= 15000 && clock.now - 1000 < 15200, 'gave up at the window');
  assert.equal(session.closeInfo.code, 1006);
  session.rejoin();
  sockets.at(-1).accept();
  assert.deepEqual(sockets.at(-1).take().at(-1), { message: 'CLIENT_JOIN', fields: { protocolVersion: PROTOCOL_VERSION,
    game: null, roomId: 'r1', name: 'ann', flags: 0, privateCode: null, reservation: null } },
    'the same room again, as a new player');
});

test('after a REDIRECT the seat is taken back on the node that served WELCOME, not the entry node', () => {
  const { session, sockets, clock } = setup();
  session.join(null, 'ann');
  const entry = sockets[0];
  entry.accept();
  entry.deliver('SERVER_REDIRECT', { url: 'ws://node-2:8081/ws', roomId: 'n2-r1', reservation: 'tok' });
  const node = sockets[1];
  node.accept();
  node.deliver('SERVER_WELCOME', { ...WELCOME, roomId: 'n2-r1' });
  node.deliver('SERVER_SNAPSHOT', { tick: 100, entities: [ann] });
  assert.equal(session.phase, Phase.PLAYING);

  node.serverCloses(1006);
  assert.equal(session.phase, Phase.RECONNECTING);
  clock.advance(250);
  const attempt = sockets[2];
  assert.equal(attempt.url, 'ws://node-2:8081/ws', 'the token is valid only on the node of the room');
  attempt.accept();
  assert.deepEqual(attempt.take(), [
    { message: 'CLIENT_RESUME', fields: { protocolVersion: PROTOCOL_VERSION, token: TOKEN, lastTick: 100 } },
  ]);
  attempt.deliver('SERVER_WELCOME', { ...WELCOME, roomId: 'n2-r1' });
  assert.equal(session.phase, Phase.PLAYING);
  assert.equal(session.room.roomId, 'n2-r1');
  // Failed attempts keep going to that node too.
  attempt.serverCloses(1006);
  clock.advance(250);
  assert.equal(sockets.at(-1).url, 'ws://node-2:8081/ws');
});

test('a refused RESUME (ERROR 4008) ends the reconnect at once', () => {
  const t = setup();
  play(t).serverCloses(1006);
  const { session, sockets, clock } = t;
  clock.advance(250);
  sockets[1].accept();
  sockets[1].deliver('SERVER_ERROR', { code: 4008, message: 'no seat on this server has that resume token: join again' });
  sockets[1].serverCloses(4008);
  assert.equal(session.phase, Phase.CLOSED);
  assert.match(session.closeInfo.text, /could not be taken back.*\(code 4008\): no seat/);
  clock.advance(20000);
  assert.equal(sockets.length, 2, 'no more attempts');
});

test('a silent connection is given up and the seat taken back on a new one', () => {
  const t = setup();
  const old = play(t);
  const { session, sockets, clock } = t;
  clock.advance(1900);
  old.deliver('SERVER_DELTA', { tick: 101, baselineTick: 100, removed: [], spawns: [], changed: [] });
  clock.advance(1900);
  assert.equal(session.phase, Phase.PLAYING, 'a message resets the watch');
  clock.advance(400);
  assert.equal(session.phase, Phase.RECONNECTING);
  assert.equal(old.closedWith.code, 1000);
  old.onmessage?.({ data: new ArrayBuffer(0) });
  clock.advance(250);
  sockets[1].accept();
  assert.equal(sockets[1].take()[0].fields.lastTick, 101);
});

test('an attempt that hangs is abandoned and the next one tried', () => {
  const t = setup();
  play(t).serverCloses(1006);
  const { sockets, clock } = t;
  clock.advance(250);
  assert.equal(sockets.length, 2);
  clock.advance(4000);
  assert.deepEqual(sockets[1].closedWith, { code: 1000, reason: 'no answer to RESUME' });
  clock.advance(500);
  assert.equal(sockets.length, 3);
});

test('no reconnect when the room closed, when the page left, when the server has resume off, or for a spectator', () => {
  const closed = setup();
  play(closed).serverCloses(4003);
  assert.equal(closed.session.phase, Phase.CLOSED);

  const off = setup();
  play(off, { ...WELCOME, reconnectGraceMillis: 0, resumeToken: null }).serverCloses(1006);
  assert.equal(off.session.phase, Phase.CLOSED);

  // A spectator's WELCOME carries no token: it holds no seat to take back.
  const watching = setup();
  play(watching, { ...WELCOME, playerId: 0, flags: 1, reconnectGraceMillis: 0, resumeToken: null }).serverCloses(1006);
  assert.equal(watching.session.phase, Phase.CLOSED);
  watching.clock.advance(1000);
  assert.equal(watching.sockets.length, 1);

  const left = setup();
  const socket = play(left);
  left.session.leave();
  socket.serverCloses(1006);
  assert.equal(left.session.phase, Phase.CLOSED);
  left.clock.advance(1000);
  assert.equal(left.sockets.length, 1);
});
