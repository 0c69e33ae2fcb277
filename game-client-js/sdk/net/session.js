/**
 * The client side of PROTOCOL.md's session state machine:
 *
 *   idle/closed --join--> connecting --open--> lobby --JOIN--> joining
 *   joining --WELCOME + SNAPSHOT--> playing;  joining --ERROR 400x--> lobby
 *   joining --REDIRECT--> connecting (to the node that holds the seat; the JOIN repeated with the reservation)
 *   playing --LEAVE--> lobby;  any --close--> closed (code shown, rejoin offered)
 *   playing --drop or silence--> reconnecting --WELCOME--> playing (same player)
 *   reconnecting --window over, or ERROR 4008--> closed (rejoin offered)
 *
 * Answers the server's PING with a PONG at once, sends its own PING every
 * `pingIntervalMs` for the RTT, sends INPUTs while playing (InputScheduler),
 * sends and receives the game's MESSAGEs, and feeds WELCOME/SNAPSHOT/DELTA
 * into a RoomState that the game shapes (`createRoom`). A spectator (a JOIN
 * with `spectate`) gets the same stream and sends neither INPUT nor MESSAGE.
 * A player's drop is its `DropRecovery`'s business: the room's picture stays
 * and RESUME takes the seat back. All clocks and the socket are injected, so
 * tests drive it with simulated time.
 */
import { describeClose, describeCode } from '../protocol/close-messages.js';
import { CloseCode, PROTOCOL_VERSION } from '../protocol/constants.js';
import { JOIN_SPECTATE } from '../protocol/client-messages.js';
import { JoinMemory, joinFields } from './join-request.js';

/** @typedef {import('./join-request.js').JoinRequest} JoinRequest */
/** @typedef {import('./join-request.js').JoinFields} JoinFields */
import { Phase } from '../state/phase.js';
import { RateMeter } from '../state/rate-meter.js';
import { RoomState } from '../state/room-state.js';
import { RttEstimator } from '../state/rtt.js';
import { Connection } from './connection.js';
import { DropRecovery } from './drop-recovery.js';
import { InputSender } from './input-sender.js';

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
 * @property {(welcome: import('../state/room-state.js').Welcome) => RoomState} [createRoom] the game's room
 *   state for a WELCOME (its entity views and prediction); default a RoomState that knows no game
 * @property {(type: number, payload: Uint8Array) => void} [onMessage] a game MESSAGE from the server
 * @property {(text: string) => void} [onNotice] a NOTICE from the server's operators: show it as text
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
    this.onChange = options.onChange ?? (() => {});
    this.createRoom = options.createRoom ?? ((welcome) => new RoomState(welcome));
    this.onGameMessage = options.onMessage ?? (() => {});
    this.onNotice = options.onNotice ?? (() => {});
    this.inputs = new InputSender({ now: this.now, intervalMs: options.inputIntervalMs ?? 50,
      send: (message, fields) => this.send(message, fields) });
    this.rtt = new RttEstimator();
    this.bytesIn = new RateMeter();
    /** @type {import('../state/phase.js').PhaseName} */
    this.phase = Phase.IDLE;
    /** @type {Connection|null} */
    this.connection = null;
    /** @type {RoomState|null} the room joined (kept after a close, frozen, for the last picture) */
    this.room = null;
    /** @type {{code: number|null, message: string, text: string}|null} the last refusal or client-side failure */
    this.lastError = null;
    /** @type {{code: number, reason: string, text: string}|null} why the connection closed */
    this.closeInfo = null;
    /** @type {{text: string, at: number}|null} the last NOTICE of the operators (text, never markup), and when */
    this.notice = null;
    /** what was joined last, for rejoin */
    this.joins = new JoinMemory();
    /** @type {JoinFields|null} */
    this.pendingJoin = null;
    this.errorBeforeClose = null;
    this.leftRoom = false;
    this.failed = false;
    /** @type {number|null} when the picture stopped: the close, or the drop being recovered from */
    this.closedAt = null;
    /**
     * @type {string} the node this session talks to now: `url`, or the node a REDIRECT named. RESUME goes
     * there: a seat lives on the node of its room, and its token is valid nowhere else.
     */
    this.nodeUrl = this.url;
    this.recovery = new DropRecovery(this, options);
  }

  /** @returns {{attempt: number}|null} while reconnecting, the RESUME attempt under way (from 1) */
  get reconnect() {
    return this.recovery.progress;
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

  /** @returns {JoinFields|null} the last JOIN asked for (Rejoin is offered after one) */
  get lastJoin() {
    return this.joins.last;
  }

  /** @returns {boolean} whether the WebSocket is open */
  get connected() {
    return this.connection !== null && this.connection.open;
  }

  /**
   * Joins a room, connecting first if needed. Ignored while a join is
   * pending or a room is joined (or being reconnected to): PROTOCOL.md closes
   * the connection (1002) on a JOIN outside the lobby.
   * @param {JoinRequest|string|null} request what to join; a room id (null = quick-join) with `name`
   *   is the short form
   * @param {string} [name] the display name, in the short form
   */
  join(request, name) {
    const r = typeof request === 'object' && request !== null ? request : { roomId: request, name };
    if (this.phase === Phase.JOINING || this.phase === Phase.PLAYING || this.phase === Phase.RECONNECTING) return;
    const fields = joinFields(r);
    this.joins.asked(fields);
    this.lastError = null;
    if (this.phase === Phase.LOBBY && this.connected) {
      this.sendJoin(fields);
    } else if (this.phase === Phase.CONNECTING) {
      this.pendingJoin = fields;
    } else {
      this.open(fields);
    }
    this.onChange('phase');
  }

  /**
   * Joins again after a close: the same room, or any room of the game if that
   * one was closed. A private room created by this client is rejoined by its code.
   */
  rejoin() {
    const code = this.closeInfo === null ? null : this.closeInfo.code;
    // A room that is gone (its game failed, or an operator closed it) is rejoined as any room of its game.
    const request = this.joins.rejoin(code === CloseCode.ROOM_CLOSED || code === CloseCode.CLOSED_BY_OPERATOR);
    if (request) this.join(request);
  }

  /**
   * Sends a game MESSAGE (PROTOCOL.md "MESSAGE"); only a player in a room may.
   * @param {number} type 0..65535, the game's own
   * @param {Uint8Array} payload e.g. `new PayloadWriter().string('hi').toBytes()`
   * @returns {boolean} whether it was sent
   */
  sendMessage(type, payload) {
    if (this.phase !== Phase.PLAYING || !this.room || this.room.spectator) return false;
    return this.send('CLIENT_MESSAGE', { type, payload });
  }

  /** Leaves the room; the connection stays open in the lobby. */
  leave() {
    if (this.phase !== Phase.PLAYING && this.phase !== Phase.JOINING) return;
    this.send('CLIENT_LEAVE');
    this.recovery.left();
    this.phase = Phase.LOBBY;
    this.room = null;
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
    if (this.phase !== Phase.PLAYING || !this.room || this.room.spectator) return false;
    return this.inputs.steer(this.room, direction);
  }

  /**
   * Encodes and sends one message on the connection, if there is one and it is open.
   * @param {string} message e.g. `CLIENT_INPUT`
   * @param {object} [fields]
   * @returns {boolean} whether it was sent
   */
  send(message, fields = {}) {
    return this.connection !== null && this.connection.send(message, fields);
  }

  /** @param {JoinFields} request */
  open(request) {
    // A new join starts where the page's server is; a REDIRECT moves it to another node.
    this.openAt(this.url, request);
  }

  /**
   * @param {string} url
   * @param {JoinFields & {reservation?: string|null}} request
   */
  openAt(url, request) {
    this.stopTimers();
    this.leftRoom = false;
    this.failed = false;
    this.pendingJoin = request;
    this.closeInfo = null;
    this.errorBeforeClose = null;
    this.recovery.forget();
    this.phase = Phase.CONNECTING;
    this.nodeUrl = url;
    this.connection = this.connect();
  }

  /** @returns {Connection} a new connection to the session's node (`nodeUrl`), whose events come here */
  connect() {
    const connection = new Connection(this.nodeUrl, this.createSocket, {
      onOpen: () => this.onOpen(),
      onMessage: (m, bytes) => this.onMessage(m, bytes),
      onBadMessage: (error, bytes) => this.onBadMessage(error, bytes),
      // The connection a REDIRECT left behind closes quietly.
      onClose: (code, reason) => { if (this.connection === connection) this.onClose(code, reason); },
    });
    return connection;
  }

  onOpen() {
    if (this.recovery.onOpen()) return;
    this.phase = Phase.LOBBY;
    if (this.pendingJoin) {
      const request = this.pendingJoin;
      this.pendingJoin = null;
      this.sendJoin(request);
    }
    this.onChange('phase');
  }

  /** @param {JoinFields} request */
  sendJoin(request) {
    // The previous room's picture goes; WELCOME brings the new one.
    this.room = null;
    this.send('CLIENT_JOIN', request);
    this.phase = Phase.JOINING;
  }

  ping() {
    if (this.connected) this.send('CLIENT_PING', { time: RttEstimator.pingTime(this.now()) });
  }

  /**
   * @param {import('../protocol/codec.js').DecodedMessage} decoded
   * @param {number} byteLength
   */
  onMessage({ message, fields }, byteLength) {
    const now = this.now();
    this.bytesIn.add(now, byteLength);
    this.recovery.heard(now);
    // After a failure the socket is closing: nothing more is applied.
    if (this.failed) return;
    try {
      this.handle(message, fields, now);
    } catch (error) {
      // A state the client cannot apply: PROTOCOL.md calls it a bug. Stop rather than show a wrong world.
      this.fail(error);
    }
  }

  /**
   * @param {string} message
   * @param {any} fields
   * @param {number} now
   */
  handle(message, fields, now) {
    switch (message) {
      case 'SERVER_PING':
        this.send('CLIENT_PONG', { time: fields.time });
        return;
      case 'SERVER_PONG':
        this.rtt.onPong(fields.time, now);
        this.onChange('rtt');
        return;
      case 'SERVER_WELCOME':
        if (fields.protocolVersion !== PROTOCOL_VERSION) {
          throw new Error(`the server speaks protocol version ${fields.protocolVersion}, this client ${PROTOCOL_VERSION}`);
        }
        if (this.recovery.onWelcome(fields)) return;
        this.leftRoom = false;
        this.seatRoom(fields);
        this.onChange('room');
        return;
      case 'SERVER_SNAPSHOT':
        if (!this.room && this.leftRoom) return;
        if (!this.room) throw new Error('SNAPSHOT before WELCOME');
        this.room.applySnapshot(fields, now);
        if (this.phase === Phase.JOINING) {
          this.phase = Phase.PLAYING;
          this.recovery.playing(this.room.welcome.sendHz);
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
      case 'SERVER_REDIRECT':
        this.onRedirect(fields);
        return;
      case 'SERVER_MESSAGE':
        if (!this.room) return;
        this.onGameMessage(fields.type, fields.payload);
        return;
      case 'SERVER_NOTICE':
        // In any phase, the lobby included; it changes nothing else.
        this.notice = { text: fields.text ?? '', at: now };
        this.onNotice(this.notice.text);
        this.onChange('notice');
        return;
      default:
        throw new Error(`unexpected ${message}`);
    }
  }

  /**
   * The room of a WELCOME, as the game shapes it; inputs count again from 1.
   * @param {import('../state/room-state.js').Welcome} welcome
   */
  seatRoom(welcome) {
    this.room = this.createRoom(welcome);
    this.joins.seated(welcome);
    this.inputs.reset();
  }

  /**
   * The seat is on another node of the cluster (PROTOCOL.md "REDIRECT"): close this connection, connect
   * to that node and send the same JOIN with the room and the reservation. Seamless for the page: the
   * phase stays connecting/joining. The node's URL is the session's from now on, so a resume after a
   * drop goes to the node of the WELCOME (a rejoin starts at `url` again).
   * @param {{url: string, roomId: string, reservation: string}} redirect
   */
  onRedirect({ url, roomId, reservation }) {
    if (this.phase !== Phase.JOINING || !this.lastJoin) throw new Error('REDIRECT outside a join');
    const join = { ...this.lastJoin, roomId, reservation, flags: this.lastJoin.flags & JOIN_SPECTATE };
    const old = this.connection;
    this.connection = null;
    this.stopTimers();
    old?.close(1000, 'redirected');
    this.openAt(url, join);
    this.onChange('phase');
  }

  /** @param {{code: number, message: string|null}} error the ERROR's fields */
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

  /**
   * @param {Error} error
   * @param {number} byteLength
   */
  onBadMessage(error, byteLength) {
    this.bytesIn.add(this.now(), byteLength);
    this.fail(error);
  }

  /** @param {any} error what could not be applied */
  fail(error) {
    this.failed = true;
    console.error('arena: cannot use a server message, closing:', error);
    this.lastError = { code: null, message: String(error.message ?? error), text: 'Client error (a bug): the connection was closed.' };
    this.errorBeforeClose = this.lastError;
    this.connection?.close(1000, 'client could not apply a message');
    this.onChange('error');
  }

  /**
   * @param {number} code
   * @param {string} reason
   */
  onClose(code, reason) {
    // A player's drop may be recovered from; anything else ends here.
    this.recovery.onClose(code, reason);
  }

  /**
   * Shows the close for good: the code, the server's words, and Rejoin.
   * @param {number} code
   * @param {string} reason
   */
  finishClose(code, reason) {
    const reconnecting = this.phase === Phase.RECONNECTING;
    this.stopTimers();
    this.recovery.forget();
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

  stopTimers() {
    this.recovery.stop();
  }
}
