// The tag game's folder on the SDK's RoomState: what its entities mean, the
// messages the server sends (written here the way the server's TagMessages
// writes them), the banners and the scoreboard texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PayloadWriter, RoomState, SteeringPredictor } from '../sdk/index.js';
import { tag } from '../games/tag/index.js';
import { Kind, Phase, speedOf } from '../games/tag/entities.js';
import { bannerOf, decodeRound, decodeTagged, ROUND, TAGGED } from '../games/tag/messages.js';
import { clockText, formatClock, roleOf, roundFacts, tagHud } from '../games/tag/scoreboard.js';

const WELCOME = {
  protocolVersion: 2, playerId: 4, roomId: 'r1', game: 'tag', flags: 0, privateCode: null, tickHz: 20, sendHz: 20,
  serverTime: 0, worldWidth: 1200, worldHeight: 800, positionScale: 4,
  params: { runnerSpeed: 200, itSpeed: 230, tagRadius: 32 },
};
// Teams and the round are spawned with the room, then the players: fields as the server writes them.
const entities = [
  { id: 1, kind: Kind.TEAM, label: 'Red', fields: [0, 3, 1] },
  { id: 2, kind: Kind.TEAM, label: 'Blue', fields: [1, 1, 1] },
  { id: 3, kind: Kind.ROUND, label: null, fields: [Phase.PLAYING, 65, 2, -1] },
  { id: 4, kind: Kind.PLAYER, label: 'ann', fields: [960, 1600, 7, 0, 3, 0, 0] },
  { id: 5, kind: Kind.PLAYER, label: 'bob', fields: [3840, 1600, 2, 1, 1, 1, 1] },
];

const tagRoom = () => new RoomState(WELCOME, tag.roomOptions(WELCOME));

test('players are positions in world units with team, score and role; teams and the round their facts', () => {
  const room = tagRoom();
  room.applySnapshot({ tick: 10, entities }, 0);
  const [red, , round, ann, bob] = room.latest();
  assert.deepEqual(ann, { id: 4, kind: 1, label: 'ann', x: 240, y: 400, lastSeq: 7, team: 0, score: 3, it: false,
    frozen: false, own: true });
  assert.deepEqual({ ...bob }, { id: 5, kind: 1, label: 'bob', x: 960, y: 400, lastSeq: 2, team: 1, score: 1, it: true,
    frozen: true, own: false });
  assert.deepEqual(red, { id: 1, kind: 2, label: 'Red', team: 0, score: 3, players: 1, own: false });
  assert.deepEqual(round, { id: 3, kind: 3, label: null, phase: 1, secondsLeft: 65, round: 2, winner: -1, own: false });
  assert.ok(room.prediction instanceof SteeringPredictor, 'the own player is predicted');
  assert.deepEqual(room.ownPosition(0), { x: 240, y: 400 });
});

test('the round, the teams, the own role and the leaderboard (team first, best first)', () => {
  const round = roundFacts(entities);
  assert.deepEqual(round, { phase: 1, secondsLeft: 65, round: 2, winner: -1,
    teams: [{ name: 'Red', score: 3, players: 1 }, { name: 'Blue', score: 1, players: 1 }] });
  assert.equal(clockText(round), 'Round 2 · 1:05');
  assert.equal(clockText({ ...round, phase: Phase.OVER, secondsLeft: 4 }), 'Next round in 4 s');
  assert.equal(clockText({ ...round, phase: Phase.WAITING }), 'Waiting for a second player');
  assert.equal(formatClock(90), '1:30');
  assert.equal(formatClock(0), '0:00');
  assert.deepEqual(roleOf(round, entities[3]), { text: "Run from Blue's IT!", role: 'runner' });
  assert.deepEqual(roleOf(round, entities[4]), { text: 'You are IT: get ready…', role: 'frozen' });
  const freeIt = { ...entities[4], fields: [0, 0, 0, 1, 0, 1, 0] };
  assert.deepEqual(roleOf(round, freeIt), { text: 'You are IT: tag Red!', role: 'it' });
  assert.deepEqual(roleOf({ phase: Phase.OVER }, freeIt).role, 'idle');
  assert.deepEqual(roleOf(round, undefined).role, 'idle', 'a spectator has no role');
  assert.deepEqual(tagHud(entities, 4), { players: 2, leaderboard: [
    { id: 4, name: 'R · ann', score: 3, own: true },
    { id: 5, name: 'B · bob', score: 1, own: false },
  ] });
});

test('a tagged message and its banner, names kept as text', () => {
  const payload = new PayloadWriter().varint(5).string('<b>bob</b>').varint(4).string('ann').varint(1).varint(2).toBytes();
  assert.deepEqual(decodeTagged(payload), { taggerId: 5, taggerName: '<b>bob</b>', taggedId: 4, taggedName: 'ann',
    team: 1, teamScore: 2 });
  assert.deepEqual(bannerOf(TAGGED, payload), { kind: 'tagged', text: '<b>bob</b> tagged ann · Blue 2', team: 1 });
  assert.throws(() => decodeTagged(payload.subarray(0, payload.length - 1)), 'a short payload is refused');
});

test('round messages: started, won, drawn, stopped; unknown types are no banner', () => {
  const round = (event, n, winner, red, blue) =>
    new PayloadWriter().varint(event).varint(n).zigzag(winner).varint(red).varint(blue).toBytes();
  assert.deepEqual(decodeRound(round(1, 3, -1, 2, 2)), { event: 1, round: 3, winner: -1, redScore: 2, blueScore: 2 });
  assert.deepEqual(bannerOf(ROUND, round(0, 2, -1, 0, 0)), { kind: 'round', text: 'Round 2: go!', team: -1 });
  assert.deepEqual(bannerOf(ROUND, round(1, 2, 0, 5, 3)), { kind: 'round', text: 'Red wins round 2, 5–3', team: 0 });
  assert.deepEqual(bannerOf(ROUND, round(1, 3, -1, 2, 2)), { kind: 'round', text: 'Round 3 is a draw, 2–2', team: -1 });
  assert.equal(bannerOf(ROUND, round(2, 3, -1, 0, 0))?.text, 'Round stopped: waiting for players');
  assert.equal(bannerOf(9, new Uint8Array()), null);
});

test('the own player is predicted at the speed the server gives its role', () => {
  const speeds = { runner: 200, it: 230 };
  assert.equal(speedOf(entities[3], speeds), 200, 'a runner');
  assert.equal(speedOf(entities[4], speeds), 0, 'a frozen it');
  assert.equal(speedOf({ fields: [0, 0, 0, 1, 0, 1, 0] }, speeds), 230, 'a free it');
});
