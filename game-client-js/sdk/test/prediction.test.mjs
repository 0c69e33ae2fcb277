// Prediction of the own player and reconciliation with the server's lastSeq,
// driven by simulated time against a model of the server's rules
// (ArenaGame: inputs apply at the next tick, then pos += dir * 200 * dt, clamped).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SteeringPredictor as Predictor } from '@arena/sdk';

const WORLD = { worldWidth: 2000, worldHeight: 2000, tickHz: 20 };

test('unacknowledged inputs are replayed from the server position', () => {
  const p = new Predictor(WORLD);
  p.recordInput(1, 1, 0, 0);
  p.recordInput(2, 1, 0, 50);
  p.recordInput(3, 0, 1, 100);
  // The server applied input 1 at tick 10 and ran it for that one tick.
  p.reconcile({ x: 110, y: 100, lastSeq: 1, tick: 10 }, 120);
  assert.equal(p.pendingCount, 2);
  // Input 1 is done (50 ms = 1 tick), input 2 gives 50 ms right, input 3 50 ms down so far.
  assert.deepEqual(p.rawPosition(150), { x: 120, y: 110 });
  assert.deepEqual(p.rawPosition(200), { x: 120, y: 120 });
});

test('acknowledged inputs are dropped; the acknowledged one steers until the next is sent', () => {
  const p = new Predictor(WORLD);
  p.recordInput(1, 1, 0, 0);
  p.reconcile({ x: 100, y: 100, lastSeq: 0, tick: 1 }, 10);
  p.reconcile({ x: 110, y: 100, lastSeq: 1, tick: 2 }, 80);
  assert.equal(p.pendingCount, 0);
  // Sent at 0, the server ran it for 1 tick (50 ms): at 130 the client adds the other 80 ms.
  assert.deepEqual(p.rawPosition(130), { x: 126, y: 100 });
});

test('the prediction stays inside the world', () => {
  const p = new Predictor(WORLD);
  p.reconcile({ x: 1990, y: 5, lastSeq: 0, tick: 1 }, 0);
  p.recordInput(1, Math.SQRT1_2, -Math.SQRT1_2, 0);
  assert.deepEqual(p.position(1000), { x: 2000, y: 0 });
});

test('a large correction (respawn) is applied at once, a small one glides', () => {
  const p = new Predictor(WORLD);
  p.reconcile({ x: 100, y: 100, lastSeq: 0, tick: 1 }, 0);
  p.reconcile({ x: 105, y: 100, lastSeq: 0, tick: 2 }, 50);
  assert.deepEqual(p.position(50), { x: 100, y: 100 }, 'no jump when the correction arrives');
  assert.ok(Math.abs(p.position(150).x - (105 - 5 * Math.exp(-1))) < 1e-9, 'decays with the smoothing time');
  assert.ok(Math.abs(p.position(1000).x - 105) < 1e-3, 'converges to the server');
  p.reconcile({ x: 900, y: 900, lastSeq: 0, tick: 3 }, 1000);
  assert.deepEqual(p.position(1000), { x: 900, y: 900 });
});

/**
 * A simulated session: the client sends an input every `inputMs` (and, if
 * `immediate`, at once on a direction change), the server ticks at 20 Hz
 * applying arrived inputs before moving, and each state reaches the client
 * `latencyMs` (+ jitter) later. The client draws at 60 fps.
 */
function simulate({ latencyMs = 40, jitter = [0], inputMs = 50, immediate = false, tickPhaseMs = 17, script, endMs = 4000 }) {
  const scale = 4;
  const tickMs = 50;
  const speed = 200;
  const predictor = new Predictor(WORLD);
  const server = { x: 1000, y: 1000, dx: 0, dy: 0, lastSeq: 0, tick: 0 };
  const inFlightInputs = []; // {arrival, seq, dx, dy}
  const inFlightStates = []; // {arrival, state}
  let seq = 0;
  let lastSent = -Infinity;
  let lastDir = null;
  let nextTick = tickPhaseMs;
  const frames = [];
  let maxCorrection = 0;
  inFlightStates.push({ arrival: 0, state: { x: 1000, y: 1000, lastSeq: 0, tick: 0 } });
  for (let now = 0; now <= endMs; now += 1) {
    // Server ticks.
    while (nextTick <= now) {
      server.tick++;
      for (const i of inFlightInputs.filter((i) => i.arrival <= nextTick)) {
        server.dx = i.dx;
        server.dy = i.dy;
        server.lastSeq = i.seq;
      }
      inFlightInputs.splice(0, inFlightInputs.filter((i) => i.arrival <= nextTick).length);
      server.x = Math.min(2000, Math.max(0, server.x + server.dx * speed * tickMs / 1000));
      server.y = Math.min(2000, Math.max(0, server.y + server.dy * speed * tickMs / 1000));
      const q = (v) => Math.round(v * scale) / scale; // quantized on the wire
      inFlightStates.push({
        arrival: nextTick + latencyMs + jitter[server.tick % jitter.length],
        state: { x: q(server.x), y: q(server.y), lastSeq: server.lastSeq, tick: server.tick },
      });
      nextTick += tickMs;
    }
    // States reach the client in order (one WebSocket).
    while (inFlightStates.length && inFlightStates[0].arrival <= now) {
      // The misprediction is the raw jump; the drawn position must not jump at all.
      const before = predictor.ready ? { raw: predictor.rawPosition(now), shown: predictor.position(now) } : null;
      predictor.reconcile(inFlightStates.shift().state, now);
      if (before) {
        const raw = predictor.rawPosition(now);
        const shown = predictor.position(now);
        maxCorrection = Math.max(maxCorrection, Math.hypot(raw.x - before.raw.x, raw.y - before.raw.y));
        assert.ok(Math.hypot(shown.x - before.shown.x, shown.y - before.shown.y) < 1e-9, `drawn position jumped at ${now}`);
      }
    }
    // Client input.
    const dir = script(now);
    const changed = !lastDir || dir.dx !== lastDir.dx || dir.dy !== lastDir.dy;
    if (now - lastSent >= inputMs || (immediate && changed && now - lastSent >= inputMs / 2)) {
      seq++;
      predictor.recordInput(seq, dir.dx, dir.dy, now);
      inFlightInputs.push({ arrival: now + latencyMs, seq, dx: dir.dx, dy: dir.dy });
      lastSent = now;
      lastDir = dir;
    }
    if (now % 50 === 0 || now % 50 === 17 || now % 50 === 33) frames.push({ now, pos: predictor.position(now) });
  }
  return { frames, server, predictor, maxCorrection };
}

const square = (now) => {
  if (now < 200) return { dx: 0, dy: 0 };
  if (now < 1200) return { dx: 1, dy: 0 };
  if (now < 2200) return { dx: 0, dy: 1 };
  if (now < 2700) return { dx: -Math.SQRT1_2, dy: -Math.SQRT1_2 };
  return { dx: 0, dy: 0 };
};

function assertNoJumps(frames, slack, what) {
  for (let i = 1; i < frames.length; i++) {
    const a = frames[i - 1];
    const b = frames[i];
    const moved = Math.hypot(b.pos.x - a.pos.x, b.pos.y - a.pos.y);
    const allowed = (200 * (b.now - a.now)) / 1000 + slack;
    assert.ok(moved <= allowed, `${what}: frame at ${b.now} ms moved ${moved.toFixed(2)} units, at most ${allowed.toFixed(2)} expected`);
  }
}

test('prediction agrees with the server: no visible correction, no jump, same end position', () => {
  const { frames, server, predictor, maxCorrection } = simulate({ script: square });
  assertNoJumps(frames, 0.3, 'steady 50 ms inputs');
  assert.ok(maxCorrection < 0.3, `mispredictions up to ${maxCorrection.toFixed(3)} units (quantization is 0.25)`);
  const end = predictor.position(4000);
  assert.ok(Math.hypot(end.x - server.x, end.y - server.y) < 0.2, `ended at ${JSON.stringify(end)}, server ${server.x},${server.y}`);
  assert.ok(predictor.pendingCount <= 3, `${predictor.pendingCount} inputs pending with a 80 ms round trip`);
});

test('the own player moves at once, before the server acknowledges (latency hidden)', () => {
  const { frames } = simulate({ latencyMs: 150, script: square });
  const at = (t) => frames.find((f) => f.now === t).pos;
  assert.ok(at(250).x > 1000 + 9, `moved ${at(250).x - 1000} units 50 ms after pressing right with 300 ms RTT`);
});

test('with jitter and immediate sends on direction change, corrections stay small and glide', () => {
  const { frames, server, predictor, maxCorrection } = simulate({
    latencyMs: 60,
    jitter: [0, 20, 5, 35, 10],
    immediate: true,
    script: (now) => (now < 3000 && Math.floor(now / 130) % 3 === 0 ? { dx: 0, dy: 1 } : square(now)),
  });
  assertNoJumps(frames, 1.5, 'jittery, immediate sends');
  // Jittery inputs make the server run some inputs a tick longer or shorter than
  // the client did: a misprediction of up to one tick of motion (10 units), which
  // the drawn position absorbs (simulate() asserts it never jumps) and glides off.
  assert.ok(maxCorrection <= 10.5, `largest misprediction ${maxCorrection.toFixed(2)} units`);
  const end = predictor.position(4000);
  assert.ok(Math.hypot(end.x - server.x, end.y - server.y) < 0.3, `converged to ${JSON.stringify(end)} vs ${server.x},${server.y}`);
});

test('a server tick rate above the input rate is followed (60 Hz ticks, 20 Hz inputs)', () => {
  const p = new Predictor({ ...WORLD, tickHz: 60 });
  // Input 1 (right) sent at 0; the server applies it at tick 3 and state 5 arrives with it run 3 ticks.
  p.recordInput(1, 1, 0, 0);
  p.reconcile({ x: 100, y: 0, lastSeq: 0, tick: 2 }, 0);
  p.reconcile({ x: 100 + 10, y: 0, lastSeq: 1, tick: 5 }, 90);
  // Applied in ticks 3..5, estimated at 4: 2 ticks (33.3 ms) counted as done; at 90 ms, 56.7 ms remain.
  assert.ok(Math.abs(p.rawPosition(90).x - (110 + 200 * (90 - 1000 / 30) / 1000)) < 1e-9);
});
