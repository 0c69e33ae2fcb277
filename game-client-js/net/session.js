/**
 * The client side of PROTOCOL.md's session state machine:
 *
 *   idle/closed --join--> connecting --open--> lobby --JOIN--> joining
 *   joining --WELCOME + SNAPSHOT--> playing;  joining --ERROR 400x--> lobby
 *   playing --LEAVE--> lobby;  any --close--> closed (code shown, rejoin offered)
 *   playing --drop or silence--> reconnecting --WELCOME--> playing (same player)
 *   reconnecting --window over, or ERROR 4008--> closed (rejoin offered)
 *
 * Answers the server's PING with a PONG at once, sends its own PING every
 * `pingIntervalMs` for the RTT (Liveness), sends INPUTs while playing
 * (InputScheduler), and feeds WELCOME/SNAPSHOT/DELTA into a RoomState. When
 * the connection drops while playing (or goes silent), it keeps the room's
 * picture and its SeatKeeper tries RESUME with the WELCOME's token until the
 * server's grace window ends. All clocks and the socket are
 * injected, so tests drive it with simulated time.
 */
import { describeClose, describeCode } from '../protocol/close-messages.js';
import { CloseCode } from '../protocol/constants.js';
import { InputScheduler } from '../input/input-scheduler.js';
import { Phase } from '../state/phase.js';
import { RateMeter } from '../state/rate-meter.js';
import { RoomState } from '../state/room-state.js';
import { RttEstimator } from '../state/rtt.js';
import { Connection } from './connection.js';
import { Liveness } from './liveness.js';
import { silenceLimitMs } from './resume.js';
import { SeatKeeper } from './seat-keeper.js';

export { Phase };

/**
 * @typedef {object} SessionOptions
 * @property {string} url the WebSocket URL (`ws://host:8080/ws`)
 * @property {(url: string) => WebSocket} [createSocket]
 * @property {() => number} [now] local clock, ms (performance.now)
 * @property {(fn: Function, ms: number) => any} [setInterval]
 * @property {(handle: any) => void} [clearInterval]
 * @property {(fn: Function, ms: number) => any} [setTimeout]
 * @property {(handle: any) => void} [clearTimeout]
 * @property {() => number} [random] uniform in [0, 1), for the reconnect jitter
 * @property {number} [pingIntervalMs]
 * @property {number} [inputIntervalMs]
 * @property {(what: string) => void} [onChange] called after anything visible changed
 */

export class Session {
  /** @param {SessionOptions} options */
  constructor(options) {
    this.url = options.url;
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url));
    this.now = options.now ?? (() => performance.now());
    this.timers = {
      set: options.setInterval ?? ((fn, ms) => setInterval(fn, ms)),
      clear: options.clearInterval ?? ((h) => clearInterval(h)),
    };
    this.pingIntervalMs = options.pingIntervalMs ?? 1000;
    this.liveness = new Liveness({
      now: this.now,
      setInterval: this.timers.set,
      clearInterval: this.timers.clear,
      pingIntervalMs: this.pingIntervalMs,
      ping: () => this.ping(),
      onSilent: (ms) => this.onSilent(ms),
    });
    this.keeper = new SeatKeeper({
      now: this.now,
      setTimeout: options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms)),
      clearTimeout: options.clearTimeout ?? ((h) => clearTimeout(h)),
      random: options.random ?? Math.random,
      attempt: () => {
        this.errorBeforeClose = null;
        this.connection = this.connect();
        this.onChange('reconnect');
      },
      abandonAttempt: () => this.connection.abandon('no answer to RESUME'),
      giveUp: (code, reason) => this.finishClose(code, reason),
    });
    this.onChange = options.onChange ?? (() => {});
    this.scheduler = new InputScheduler({ intervalMs: options.inputIntervalMs ?? 50 });
    this.rtt = new RttEstimator();
    this.bytesIn = new RateMeter();
    this.phase = Phase.IDLE;
    /** @type {Connection|null} */
    this.connection = null;
    /** @type {RoomState|null} the room joined (kept after a close, frozen, for the last picture) */
    this.room = null;
    /** @type {{code: number|null, message: string, text: string}|null} the last refusal or client-side failure */
    this.lastError = null;
    /** @type {{code: number, reason: string, text: string}|null} why the connection closed */
    this.closeInfo = null;
    /** @type {{roomId: string|null, name: string}|null} the last JOIN asked for, for rejoin */
    this.lastJoin = null;
    this.pendingJoin = null;
    this.errorBeforeClose = null;
    this.seq = 0;
    this.leftRoom = false;
    this.failed = false;
    this.closedAt = null;
  }

  /**
   * The time to draw the room at: now, or the moment of the close, so the
   * last picture stays still instead of predicting on forever.
   * @returns {number} ms of the local clock
   */
  viewTime() {
    const still = this.phase === Phase.CLOSED || this.phase === Phase.RECONNECTING;
    return still && this.closedAt !== null ? this.closedAt : this.now();
  }

  /** @returns {boolean} whether the WebSocket is open */
  get connected() {
    return this.connection !== null && this.connection.open;
  }

  /**
   * Joins a room (null = quick-join), connecting first if needed. Ignored
   * while a join is pending or a room is joined: PROTOCOL.md closes the
   * connection (1002) on a JOIN outside the lobby.
   * @param {string|null} roomId
   * @param {string} name
   */
  join(roomId, name) {
    // Blank means null: the server names the player "Player".
    const request = { roomId: roomId || null, name: name && name.trim() ? name.trim() : null };
    if (this.phase === Phase.JOINING || this.phase === Phase.PLAYING || this.phase === Phase.RECONNECTING) return;
    this.lastJoin = request;
    this.lastError = null;
    if (this.phase === Phase.LOBBY && this.connected) {
      this.sendJoin(request);
    } else if (this.phase === Phase.CONNECTING) {
      this.pendingJoin = request;
    } else {
      this.open(request);
    }
    this.onChange('phase');
  }

  /** Joins again after a close: the same room, or any room if that one was closed. */
  rejoin() {
    if (!this.lastJoin) return;
    const closedRoom = this.closeInfo && this.closeInfo.code === CloseCode.ROOM_CLOSED;
    this.join(closedRoom ? null : this.lastJoin.roomId, this.lastJoin.name);
  }

  /** Leaves the room; the connection stays open in the lobby. */
  leave() {
    if (this.phase !== Phase.PLAYING && this.phase !== Phase.JOINING) return;
    this.connection.send('CLIENT_LEAVE');
    this.liveness.watch(null);
    this.phase = Phase.LOBBY;
    this.room = null;
    this.keeper.forget();
    // States already on the way from the room left are dropped until the next WELCOME.
    this.leftRoom = true;
    this.onChange('phase');
  }

  /** After a close, drops the frozen picture of the last room (back to the lobby view). */
  forgetRoom() {
    if (this.phase !== Phase.CLOSED) return;
    this.room = null;
    this.onChange('room');
  }

  /**
   * Called often (every few ms) with the current steering; sends an INPUT
   * when the scheduler says so.
   * @param {import('../input/direction.js').Direction} direction
   * @returns {boolean} whether an INPUT was sent
   */
  steer(direction) {
    if (this.phase !== Phase.PLAYING || !this.room) return false;
    const now = this.now();
    if (!this.scheduler.due(now, direction)) return false;
    // The server sees f32 values: predict with exactly those.
    const dx = Math.fround(direction.dx);
    const dy = Math.fround(direction.dy);
    this.seq = (this.seq + 1) | 0;
    if (!this.connection.send('CLIENT_INPUT', { seq: this.seq, dx, dy, buttons: 0 })) return false;
    this.room.recordInput(this.seq, dx, dy, now);
    this.scheduler.sent(now, direction);
    return true;
  }

  open(request) {
    this.stopTimers();
    this.leftRoom = false;
    this.failed = false;
    this.pendingJoin = request;
    this.closeInfo = null;
    this.errorBeforeClose = null;
    this.keeper.forget();
    this.phase = Phase.CONNECTING;
    this.connection = this.connect();
  }

  connect() {
    return new Connection(this.url, this.createSocket, {
      onOpen: () => this.onOpen(),
      onMessage: (m, bytes) => this.onMessage(m, bytes),
      onBadMessage: (error, bytes) => this.onBadMessage(error, bytes),
      onClose: (code, reason) => this.onClose(code, reason),
    });
  }

  onOpen() {
    if (this.phase === Phase.RECONNECTING) {
      // The state held is the last one applied: the server answers with a DELTA from it when it can.
      const lastTick = this.room && this.room.world.tick !== null ? this.room.world.tick : -1;
      this.connection.send('CLIENT_RESUME', this.keeper.resumeMessage(lastTick));
      return;
    }
    this.phase = Phase.LOBBY;
    this.liveness.start();
    if (this.pendingJoin) {
      const request = this.pendingJoin;
      this.pendingJoin = null;
      this.sendJoin(request);
    }
    this.onChange('phase');
  }

  sendJoin(request) {
    // The previous room's picture goes; WELCOME brings the new one.
    this.room = null;
    this.connection.send('CLIENT_JOIN', request);
    this.phase = Phase.JOINING;
  }

  ping() {
    if (this.connected) this.connection.send('CLIENT_PING', { time: RttEstimator.pingTime(this.now()) });
  }

  onMessage({ message, fields }, byteLength) {
    const now = this.now();
    this.bytesIn.add(now, byteLength);
    this.liveness.heard(now);
    // After a failure the socket is closing: nothing more is applied.
    if (this.failed) return;
    try {
      this.handle(message, fields, now);
    } catch (error) {
      // A state the client cannot apply: PROTOCOL.md calls it a bug. Stop rather than show a wrong world.
      this.fail(error);
    }
  }

  handle(message, fields, now) {
    switch (message) {
      case 'SERVER_PING':
        this.connection.send('CLIENT_PONG', { time: fields.time });
        return;
      case 'SERVER_PONG':
        this.rtt.onPong(fields.time, now);
        this.onChange('rtt');
        return;
      case 'SERVER_WELCOME':
        if (this.phase === Phase.RECONNECTING) {
          this.onResumed(fields);
          return;
        }
        this.leftRoom = false;
        this.room = new RoomState(fields);
        this.keeper.seated(fields);
        this.seq = 0;
        this.scheduler.reset();
        this.onChange('room');
        return;
      case 'SERVER_SNAPSHOT':
        if (!this.room && this.leftRoom) return;
        if (!this.room) throw new Error('SNAPSHOT before WELCOME');
        this.room.applySnapshot(fields, now);
        if (this.phase === Phase.JOINING) {
          this.phase = Phase.PLAYING;
          this.liveness.watch(silenceLimitMs(this.room.welcome.sendHz));
          this.onChange('phase');
        }
        return;
      case 'SERVER_DELTA':
        if (!this.room && this.leftRoom) return;
        if (!this.room) throw new Error('DELTA before WELCOME');
        this.room.applyDelta(fields, now);
        return;
      case 'SERVER_ERROR':
        this.onError(fields);
        return;
      default:
        throw new Error(`unexpected ${message}`);
    }
  }

  onError({ code, message }) {
    const error = { code, message: message ?? '', text: describeCode(code) };
    this.errorBeforeClose = error;
    if (this.phase === Phase.JOINING && !this.room) {
      // A refused JOIN: still connected, back in the lobby, may try again.
      this.phase = Phase.LOBBY;
      this.lastError = error;
      this.onChange('phase');
    } else {
      // Sent right before a close with an application code: shown with the close.
      this.lastError = error;
      this.onChange('error');
    }
  }

  onBadMessage(error, byteLength) {
    this.bytesIn.add(this.now(), byteLength);
    this.fail(error);
  }

  fail(error) {
    this.failed = true;
    console.error('arena: cannot use a server message, closing:', error);
    this.lastError = { code: null, message: String(error.message ?? error), text: 'Client error (a bug): the connection was closed.' };
    this.errorBeforeClose = this.lastError;
    this.connection.close(1000, 'client could not apply a message');
    this.onChange('error');
  }

  onClose(code, reason) {
    if (this.phase === Phase.RECONNECTING) {
      if (!this.keeper.attemptClosed(code)) this.finishClose(code, reason);
    } else if (this.phase === Phase.PLAYING && this.keeper.canResume(code)) {
      this.startReconnecting(code, reason);
    } else {
      this.finishClose(code, reason);
    }
  }

  /** Shows the close for good: the code, the server's words, and Rejoin. */
  finishClose(code, reason) {
    const reconnecting = this.phase === Phase.RECONNECTING;
    this.stopTimers();
    this.keeper.forget();
    this.pendingJoin = null;
    // The ERROR sent right before the close (same code), or our own failure, says more than a close reason.
    const e = this.errorBeforeClose;
    const detail = (e && (e.code === null || e.code === code) && e.message) || reason || '';
    this.closeInfo = { code, reason, text: describeClose(code, detail) };
    // After a failed reconnect the picture stays as it was at the drop.
    this.closedAt = reconnecting && this.closedAt !== null ? this.closedAt : this.now();
    this.phase = Phase.CLOSED;
    this.onChange('phase');
  }

  /** A seated connection went silent: it is half-open; give it up and take the seat back on a new one. */
  onSilent(silentMs) {
    if (this.phase !== Phase.PLAYING) return;
    const reason = `no message from the server for ${Math.round(silentMs)} ms`;
    this.connection.abandon(reason);
    this.onClose(1006, reason);
  }

  /** The connection dropped while playing: the picture stays, RESUME is tried until the grace window ends. */
  startReconnecting(code, reason) {
    this.liveness.stop();
    this.pendingJoin = null;
    this.closedAt = this.now();
    this.phase = Phase.RECONNECTING;
    this.keeper.start(code, reason);
    this.onChange('phase');
  }

  /** WELCOME after RESUME: the same player in the same room; the next state comes from the one held. */
  onResumed(welcome) {
    this.keeper.resumed(welcome);
    if (!this.room || welcome.playerId !== this.room.playerId || welcome.roomId !== this.room.roomId) {
      // Not the seat this page held (a server bug): start over from this WELCOME, as after a JOIN.
      this.room = new RoomState(welcome);
      this.seq = 0;
      this.scheduler.reset();
    }
    this.closedAt = null;
    this.phase = Phase.PLAYING;
    this.liveness.start();
    this.liveness.watch(silenceLimitMs(welcome.sendHz));
    this.onChange('phase');
  }

  stopTimers() {
    this.liveness.stop();
    this.keeper.stop();
  }
}
