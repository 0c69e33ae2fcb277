/**
 * A session's side of a drop (PROTOCOL.md "RESUME"), kept apart from the
 * session's other business: its keep-alive (`Liveness`: PINGs, and silence
 * that means a half-open connection) and its seat (`SeatKeeper`: the token,
 * the RESUME attempts). When a seated connection closes in a way the server
 * holds the seat after (or goes silent), the session turns `reconnecting`:
 * its room's picture stays still, and each attempt opens a connection that
 * sends RESUME with the WELCOME's token and the last tick applied, until
 * WELCOME gives the seat back or the grace window ends (then the drop's close
 * is shown for good, with Rejoin). A spectator has no token, so its closes
 * are final. Timers, clock and randomness are injected.
 */
import { Phase } from '../state/phase.js';
import { Liveness } from './liveness.js';
import { silenceLimitMs } from './resume.js';
import { SeatKeeper } from './seat-keeper.js';

/** @typedef {import('./session.js').Session} Session */
/** @typedef {import('../state/room-state.js').Welcome} Welcome */

/**
 * @typedef {object} RecoveryOptions
 * @property {(fn: Function, ms: number) => any} [setTimeout]
 * @property {(handle: any) => void} [clearTimeout]
 * @property {() => number} [random] uniform in [0, 1), for the reconnect jitter
 */

export class DropRecovery {
  /**
   * @param {Session} session the session it recovers: its phase, connection and room
   * @param {RecoveryOptions} options
   */
  constructor(session, options) {
    this.session = session;
    this.liveness = new Liveness({
      now: session.now,
      setInterval: session.timers.set,
      clearInterval: session.timers.clear,
      pingIntervalMs: session.pingIntervalMs,
      ping: () => session.ping(),
      onSilent: (ms) => this.onSilent(ms),
    });
    this.keeper = new SeatKeeper({
      now: session.now,
      setTimeout: options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms)),
      clearTimeout: options.clearTimeout ?? ((h) => clearTimeout(h)),
      random: options.random ?? Math.random,
      attempt: () => {
        session.errorBeforeClose = null;
        session.connection = session.connect();
        session.onChange('reconnect');
      },
      abandonAttempt: () => session.connection?.abandon('no answer to RESUME'),
      giveUp: (code, reason) => session.finishClose(code, reason),
    });
  }

  /** @returns {boolean} whether RESUME attempts are under way */
  get reconnecting() {
    return this.session.phase === Phase.RECONNECTING;
  }

  /** @returns {{attempt: number}|null} the RESUME attempt under way (from 1), while reconnecting */
  get progress() {
    return this.reconnecting ? { attempt: this.keeper.attempt } : null;
  }

  /** @returns {number} times this session took its seat back */
  get resumes() {
    return this.keeper.resumes;
  }

  /**
   * A connection opened. An attempt's sends RESUME (true: the session does nothing more); any other starts
   * the keep-alive.
   * @returns {boolean}
   */
  onOpen() {
    const session = this.session;
    if (!this.reconnecting) {
      this.liveness.start();
      return false;
    }
    // The state held is the last one applied: the server answers with a DELTA from it when it can.
    const room = session.room;
    const lastTick = room && room.world.tick !== null ? room.world.tick : -1;
    session.send('CLIENT_RESUME', this.keeper.resumeMessage(lastTick));
    return true;
  }

  /** @param {number} nowMs a message arrived */
  heard(nowMs) {
    this.liveness.heard(nowMs);
  }

  /**
   * A WELCOME. After a RESUME it gives the seat back (true: handled here);
   * after a JOIN it seats the player, whose token is kept (false).
   * @param {Welcome} welcome
   * @returns {boolean}
   */
  onWelcome(welcome) {
    if (!this.reconnecting) {
      this.keeper.seated(welcome);
      return false;
    }
    const session = this.session;
    this.keeper.resumed(welcome);
    const room = session.room;
    if (!room || welcome.playerId !== room.playerId || welcome.roomId !== room.roomId) {
      // Not the seat this page held (a server bug): start over from this WELCOME, as after a JOIN.
      session.seatRoom(welcome);
    }
    session.closedAt = null;
    session.phase = Phase.PLAYING;
    this.liveness.start();
    this.playing(welcome.sendHz);
    session.onChange('phase');
    return true;
  }

  /**
   * The session plays (or watches) at `sendHz` updates per second: silence longer than a few of them is a drop.
   * @param {number} sendHz
   */
  playing(sendHz) {
    this.liveness.watch(silenceLimitMs(sendHz));
  }

  /** LEAVE: the seat is given up; the connection stays, in the lobby. */
  left() {
    this.liveness.watch(null);
    this.keeper.forget();
  }

  /**
   * A connection closed. While playing, a close the server holds the seat after starts the attempts; while
   * reconnecting, an attempt's close brings the next one, unless it refuses for good (4008, 4011...).
   * @param {number} code
   * @param {string} reason
   */
  onClose(code, reason) {
    const session = this.session;
    if (this.reconnecting) {
      if (!this.keeper.attemptClosed(code)) session.finishClose(code, reason);
    } else if (session.phase === Phase.PLAYING && this.keeper.canResume(code)) {
      this.start(code, reason);
    } else {
      session.finishClose(code, reason);
    }
  }

  /**
   * A seated connection went silent: it is half-open; give it up and take the seat back on a new one.
   * @param {number} silentMs
   */
  onSilent(silentMs) {
    const session = this.session;
    if (session.phase !== Phase.PLAYING) return;
    const reason = `no message from the server for ${Math.round(silentMs)} ms`;
    session.connection?.abandon(reason);
    this.onClose(1006, reason);
  }

  /**
   * The connection dropped while playing: the picture stays, RESUME is tried until the grace window ends.
   * @param {number} code
   * @param {string} reason
   */
  start(code, reason) {
    const session = this.session;
    this.liveness.stop();
    session.pendingJoin = null;
    session.closedAt = session.now();
    session.phase = Phase.RECONNECTING;
    this.keeper.start(code, reason);
    session.onChange('phase');
  }

  /** A new connection (a JOIN's) or a final close: the seat and the attempts go. */
  forget() {
    this.keeper.forget();
  }

  /** Stops the keep-alive and any attempt. */
  stop() {
    this.liveness.stop();
    this.keeper.stop();
  }
}
