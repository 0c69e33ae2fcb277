// The session state machine against a scripted server, with a stand-in for
// the browser's WebSocket and simulated time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Phase, RoomState, Session, SteeringPredictor } from '@arena/sdk';
import { ScriptedSocket } from './support/scripted-socket.mjs';

function setup() {
  const sockets = [];
  const clock = { now: 1000 };
  const timers = [];
  const messages = [];
  const session = new Session({
    url: 'ws://test/ws',
    createSocket: (url) => {
      const s = new ScriptedSocket(url);
      sockets.push(s);
      return s;
    },
    now: () => clock.now,
    setInterval: (fn, ms) => timers.push({ fn, ms }) - 1,
    clearInterval: (h) => { timers[h] = null; },
    // A game that steers: fields 0, 1 are x, y (quantized), field 2 the acknowledged seq.
    createRoom: (w) => new RoomState(w, {
      view: (e) => ({ x: e.fields[0] / w.positionScale, y: e.fields[1] / w.positionScale, lastSeq: e.fields[2] }),
      prediction: new SteeringPredictor({ worldWidth: w.worldWidth, worldHeight: w.worldHeight, tickHz: w.tickHz }),
    }),
    onMessage: (type, payload) => messages.push({ type, payload }),
  });
  return { session, sockets, clock, timers, messages };
}

const WELCOME = {
  protocolVersion: 2, playerId: 1, roomId: 'r1', game: 'arena', flags: 0, privateCode: null, tickHz: 20, sendHz: 20, serverTime: 1700000000000, worldWidth: 2000, worldHeight: 2000, positionScale: 4,
};
const ann = { id: 1, kind: 1, label: 'ann', fields: [4000, 4000, 0, 0] };

function play(session, sockets) {
  session.join(null, 'ann');
  const socket = sockets.at(-1);
  socket.accept();
  socket.deliver('SERVER_WELCOME', WELCOME);
  socket.deliver('SERVER_SNAPSHOT', { tick: 100, entities: [ann] });
  socket.take();
}

test('joining connects, sends JOIN and a PING, and plays after WELCOME + SNAPSHOT', () => {
  const { session, sockets } = setup();
  session.join('', 'ann');
  assert.equal(session.phase, Phase.CONNECTING);
  const socket = sockets[0];
  assert.equal(socket.url, 'ws://test/ws');
  assert.equal(socket.binaryType, 'arraybuffer');
  socket.accept();
  assert.deepEqual(socket.take(), [
    { message: 'CLIENT_PING', fields: { time: 1000000 } },
    { message: 'CLIENT_JOIN', fields: { protocolVersion: 2, game: null, roomId: null, name: 'ann', flags: 0, privateCode: null, reservation: null } },
  ]);
  assert.equal(session.phase, Phase.JOINING);
  socket.deliver('SERVER_WELCOME', WELCOME);
  socket.deliver('SERVER_SNAPSHOT', { tick: 100, entities: [ann] });
  assert.equal(session.phase, Phase.PLAYING);
  assert.deepEqual(session.room.ownPosition(1000), { x: 1000, y: 1000 });
  assert.equal(session.connected, true);
});

test('a refused JOIN keeps the connection open in the lobby, and a second JOIN may follow', () => {
  const { session, sockets } = setup();
  session.join('r9', 'ann');
  const socket = sockets[0];
  socket.accept();
  socket.take();
  socket.deliver('SERVER_ERROR', { code: 4001, message: 'no room r9' });
  assert.equal(session.phase, Phase.LOBBY);
  assert.equal(session.connected, true);
  assert.equal(session.lastError.code, 4001);
  assert.match(session.lastError.text, /No room with that id/);
  session.join(null, 'ann');
  assert.deepEqual(socket.take(), [{ message: 'CLIENT_JOIN', fields: { protocolVersion: 2, game: null, roomId: null, name: 'ann', flags: 0, privateCode: null, reservation: null } }]);
  assert.equal(sockets.length, 1, 'no new connection');
  assert.equal(session.lastError, null);
});

test('a second JOIN while one is pending is not sent (the server would close 1002)', () => {
  const { session, sockets } = setup();
  session.join(null, 'ann');
  sockets[0].accept();
  sockets[0].take();
  session.join('r1', 'ann');
  assert.deepEqual(sockets[0].take(), []);
});

test('server PING is answered at once with a PONG echoing its time; PONG gives the RTT', () => {
  const { session, sockets, clock, timers } = setup();
  play(session, sockets);
  sockets[0].deliver('SERVER_PING', { time: 9007199254740991 });
  assert.deepEqual(sockets[0].take(), [{ message: 'CLIENT_PONG', fields: { time: 9007199254740991 } }]);
  clock.now = 2000;
  const ping = timers.find((t) => t && t.ms === 1000);
  ping.fn();
  const [sentPing] = sockets[0].take();
  assert.deepEqual(sentPing, { message: 'CLIENT_PING', fields: { time: 2000000 } });
  clock.now = 2042.5;
  sockets[0].deliver('SERVER_PONG', { time: 2000000 });
  assert.equal(session.rtt.last, 42.5);
});

test('inputs go at a fixed rate with increasing seq, and at once on a change of direction', () => {
  const { session, sockets, clock } = setup();
  play(session, sockets);
  const right = { dx: 1, dy: 0 };
  const sends = [];
  for (let t = 1000; t < 1200; t += 5) {
    clock.now = t;
    if (session.steer(t < 1120 ? right : { dx: 0.6, dy: 0.8 })) sends.push(t);
  }
  assert.deepEqual(sends, [1000, 1050, 1100, 1125, 1175]);
  const inputs = sockets[0].take().map((m) => m.fields);
  assert.deepEqual(inputs.map((f) => f.seq), [1, 2, 3, 4, 5]);
  assert.deepEqual(inputs[3], { seq: 4, dx: Math.fround(0.6), dy: Math.fround(0.8), buttons: 0 });
  assert.equal(session.room.prediction.pendingCount, 5);
});

test('a close shows its code and the ERROR sent before it; rejoin after a room closed quick-joins', () => {
  const { session, sockets } = setup();
  play(session, sockets);
  sockets[0].deliver('SERVER_ERROR', { code: 4003, message: 'room r1 stopped' });
  sockets[0].serverCloses(4003);
  assert.equal(session.phase, Phase.CLOSED);
  assert.equal(session.connected, false);
  assert.equal(session.closeInfo.code, 4003);
  assert.equal(session.closeInfo.text, 'The room was closed by the server. (code 4003): room r1 stopped');
  assert.ok(session.room, 'the last picture stays');
  session.rejoin();
  assert.equal(sockets.length, 2);
  sockets[1].accept();
  assert.deepEqual(sockets[1].take().at(-1), { message: 'CLIENT_JOIN', fields: { protocolVersion: 2, game: null, roomId: null, name: 'ann', flags: 0, privateCode: null, reservation: null } });
});

test('a lost connection (1006) is shown, and rejoin goes back to the same room', () => {
  const { session, sockets } = setup();
  session.join('r1', 'bob');
  sockets[0].accept();
  sockets[0].deliver('SERVER_WELCOME', WELCOME);
  sockets[0].deliver('SERVER_SNAPSHOT', { tick: 1, entities: [ann] });
  sockets[0].serverCloses(1006);
  assert.match(session.closeInfo.text, /lost/);
  session.rejoin();
  sockets[1].accept();
  assert.deepEqual(sockets[1].take().at(-1), { message: 'CLIENT_JOIN', fields: { protocolVersion: 2, game: null, roomId: 'r1', name: 'bob', flags: 0, privateCode: null, reservation: null } });
});

test('a delta against a baseline the client does not hold is reported and the connection closed', (t) => {
  t.mock.method(console, 'error', () => {});
  const { session, sockets } = setup();
  play(session, sockets);
  sockets[0].deliver('SERVER_DELTA', { tick: 103, baselineTick: 102, removed: [], spawns: [], changed: [] });
  assert.equal(sockets[0].closedWith.code, 1000);
  assert.equal(session.phase, Phase.CLOSED);
  assert.match(session.lastError.message, /holds tick 100/);
  assert.match(session.closeInfo.text, /holds tick 100/);
});

test('leave returns to the lobby with the connection open', () => {
  const { session, sockets } = setup();
  play(session, sockets);
  session.leave();
  assert.deepEqual(sockets[0].take(), [{ message: 'CLIENT_LEAVE', fields: {} }]);
  assert.equal(session.phase, Phase.LOBBY);
  assert.equal(session.room, null);
  assert.equal(session.steer({ dx: 1, dy: 0 }), false, 'no INPUT outside a room (the server would close 1002)');
  // States the server sent before it read the LEAVE still arrive: they are dropped, not a bug.
  sockets[0].deliver('SERVER_DELTA', { tick: 101, baselineTick: 100, removed: [], spawns: [], changed: [] });
  assert.equal(session.phase, Phase.LOBBY);
  assert.equal(session.connected, true);
  session.join(null, 'ann');
  sockets[0].deliver('SERVER_SNAPSHOT', { tick: 102, entities: [ann] });
  assert.equal(session.phase, Phase.JOINING, 'a stale state does not start the new room');
  sockets[0].deliver('SERVER_WELCOME', WELCOME);
  sockets[0].deliver('SERVER_SNAPSHOT', { tick: 103, entities: [ann] });
  assert.equal(session.phase, Phase.PLAYING);
});

test('a JOIN names the game, watches, creates a private room or gives a code', () => {
  const { session, sockets } = setup();
  session.join({ game: ' tag ', name: 'ann', spectate: true, roomId: 'r4' });
  sockets[0].accept();
  assert.deepEqual(sockets[0].take().at(-1).fields,
    { protocolVersion: 2, game: 'tag', roomId: 'r4', name: 'ann', flags: 1, privateCode: null, reservation: null });
  sockets[0].deliver('SERVER_ERROR', { code: 4014, message: 'room r4 has all the spectators it takes (1)' });
  assert.match(session.lastError.text, /spectators/);
  session.join({ game: 'tag', name: 'ann', createPrivate: true });
  assert.equal(sockets[0].take().at(-1).fields.flags, 2);
  sockets[0].deliver('SERVER_ERROR', { code: 4004, message: 'full' });
  session.join({ name: 'ann', privateCode: 'k7m2qx' });
  assert.deepEqual(sockets[0].take().at(-1).fields,
    { protocolVersion: 2, game: null, roomId: null, name: 'ann', flags: 0, privateCode: 'k7m2qx', reservation: null });
});

test('game MESSAGEs: sent only while playing, received by the game, and a spectator neither sends nor steers', () => {
  const { session, sockets, messages } = setup();
  assert.equal(session.sendMessage(1, new Uint8Array([1])), false, 'not connected');
  play(session, sockets);
  assert.equal(session.sendMessage(1, new Uint8Array([0x68, 0xe9])), true);
  assert.deepEqual(sockets[0].take(), [{ message: 'CLIENT_MESSAGE', fields: { type: 1, payload: new Uint8Array([0x68, 0xe9]) } }]);
  sockets[0].deliver('SERVER_MESSAGE', { type: 1, payload: new Uint8Array([7]) });
  assert.deepEqual(messages, [{ type: 1, payload: new Uint8Array([7]) }]);

  const watching = setup();
  watching.session.join({ spectate: true, roomId: 'r1', name: 'eve' });
  watching.sockets[0].accept();
  watching.sockets[0].deliver('SERVER_WELCOME', { ...WELCOME, playerId: 0, flags: 1 });
  watching.sockets[0].deliver('SERVER_SNAPSHOT', { tick: 100, entities: [ann] });
  watching.sockets[0].take();
  assert.equal(watching.session.phase, Phase.PLAYING);
  assert.equal(watching.session.room.spectator, true);
  assert.equal(watching.session.sendMessage(1, new Uint8Array()), false);
  assert.equal(watching.session.steer({ dx: 1, dy: 0 }), false);
  assert.deepEqual(watching.sockets[0].take(), [], 'a spectator sends neither INPUT nor MESSAGE');
  assert.equal(watching.session.room.ownPosition(1000), null);
  assert.equal(watching.session.room.view(1200).length, 1, 'it sees the players');
});

test('rejoin goes back to a private room by its code', () => {
  const { session, sockets } = setup();
  session.join({ createPrivate: true, name: 'ann' });
  sockets[0].accept();
  sockets[0].deliver('SERVER_WELCOME', { ...WELCOME, privateCode: 'K7M2QX' });
  sockets[0].deliver('SERVER_SNAPSHOT', { tick: 1, entities: [ann] });
  assert.equal(session.room.privateCode, 'K7M2QX');
  sockets[0].serverCloses(1006);
  session.rejoin();
  sockets[1].accept();
  assert.deepEqual(sockets[1].take().at(-1).fields,
    { protocolVersion: 2, game: null, roomId: null, name: 'ann', flags: 0, privateCode: 'K7M2QX', reservation: null });
});

test('a WELCOME of another protocol version is a failure that names both versions', (t) => {
  t.mock.method(console, 'error', () => {});
  const { session, sockets } = setup();
  session.join(null, 'ann');
  sockets[0].accept();
  sockets[0].deliver('SERVER_WELCOME', { ...WELCOME, protocolVersion: 3 });
  assert.equal(sockets[0].closedWith.code, 1000);
  assert.match(session.lastError.message, /protocol version 3, this client 2/);
  assert.equal(session.room, null);
});

test('a NOTICE is kept and handed over in the lobby and in a room, and changes nothing else', () => {
  const notices = [];
  const changes = [];
  const clock = { now: 1000 };
  const sockets = [];
  const session = new Session({
    url: 'ws://test/ws',
    createSocket: (url) => { const s = new ScriptedSocket(url); sockets.push(s); return s; },
    now: () => clock.now,
    setInterval: () => 0,
    clearInterval: () => {},
    onNotice: (text) => notices.push(text),
    onChange: (what) => changes.push(what),
  });
  session.join('r9', 'ann');
  sockets[0].accept();
  sockets[0].deliver('SERVER_ERROR', { code: 4001, message: 'no room r9' });
  assert.equal(session.phase, Phase.LOBBY);
  sockets[0].deliver('SERVER_NOTICE', { text: '<b>restart</b> in 5 minutes' });
  assert.deepEqual(notices, ['<b>restart</b> in 5 minutes']);
  assert.deepEqual(session.notice, { text: '<b>restart</b> in 5 minutes', at: 1000 });
  assert.equal(changes.at(-1), 'notice');
  assert.equal(session.phase, Phase.LOBBY, 'still in the lobby');

  session.join(null, 'ann');
  sockets[0].deliver('SERVER_WELCOME', WELCOME);
  sockets[0].deliver('SERVER_SNAPSHOT', { tick: 100, entities: [ann] });
  assert.equal(session.notice.text, '<b>restart</b> in 5 minutes', 'a notice outlives a join');
  clock.now = 2500;
  sockets[0].deliver('SERVER_NOTICE', { text: 'now' });
  assert.deepEqual(session.notice, { text: 'now', at: 2500 });
  assert.equal(session.phase, Phase.PLAYING);
  assert.equal(session.connected, true);
});

test('after an operator closed the room (4015) Rejoin quick-joins the game; after a kick (4016) it rejoins the room', () => {
  for (const [code, roomId] of [[4015, null], [4016, 'r1']]) {
    const { session, sockets } = setup();
    play(session, sockets);
    sockets[0].deliver('SERVER_ERROR', { code, message: 'by an operator' });
    sockets[0].serverCloses(code, 'by an operator');
    assert.equal(session.phase, Phase.CLOSED, `no RESUME after ${code}`);
    assert.match(session.closeInfo.text, /operators.*by an operator/);
    session.rejoin();
    sockets[1].accept();
    const join = sockets[1].take().find((m) => m.message === 'CLIENT_JOIN');
    assert.equal(join.fields.roomId, roomId, `rejoin after ${code}`);
  }
});

test('a REDIRECT is followed: the entry connection closes, the node named gets the JOIN with the reservation', () => {
  const { session, sockets } = setup();
  session.join({ game: 'tag', name: 'ann', createPrivate: true });
  const entry = sockets[0];
  entry.accept();
  entry.take();
  entry.deliver('SERVER_REDIRECT', { url: 'ws://node-2:8081/ws', roomId: '3f2a9c1b-r7', reservation: 'tok' });
  assert.deepEqual(entry.closedWith, { code: 1000, reason: 'redirected' });
  assert.equal(sockets.length, 2);
  const node = sockets[1];
  assert.equal(node.url, 'ws://node-2:8081/ws');
  assert.equal(session.phase, Phase.CONNECTING, 'the entry connection closing is not the session closing');
  node.accept();
  assert.deepEqual(node.take().at(-1), { message: 'CLIENT_JOIN', fields: { protocolVersion: 2, game: 'tag',
    roomId: '3f2a9c1b-r7', name: 'ann', flags: 0, privateCode: null, reservation: 'tok' } });
  node.deliver('SERVER_WELCOME', { ...WELCOME, roomId: '3f2a9c1b-r7' });
  node.deliver('SERVER_SNAPSHOT', { tick: 100, entities: [ann] });
  assert.equal(session.phase, Phase.PLAYING);
  assert.equal(session.nodeUrl, 'ws://node-2:8081/ws', 'a resume goes to the node of the WELCOME');
  // A later join from scratch starts at the page's server again.
  node.serverCloses(1006);
  session.join(null, 'ann');
  assert.equal(sockets.at(-1).url, 'ws://test/ws');
});

test('a REDIRECT outside a join is a server bug: the session stops', () => {
  const { session, sockets } = setup();
  play(session, sockets);
  sockets[0].deliver('SERVER_REDIRECT', { url: 'ws://elsewhere/ws', roomId: 'r2', reservation: 'x' });
  assert.equal(sockets.length, 1);
  assert.match(session.lastError.message, /REDIRECT outside a join/);
});
