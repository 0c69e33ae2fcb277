// A stand-in for the browser's WebSocket, scripted by a test playing the
// server, and a simulated clock whose timers run when the test advances it.
import { decodeClientMessage, encodeMessage } from '@arena/sdk';

export class ScriptedSocket {
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    this.closedWith = null;
  }
  send(bytes) {
    this.sent.push(decodeClientMessage(bytes));
  }
  close(code, reason) {
    this.closedWith = { code, reason };
    this.serverCloses(code, reason);
  }
  // Server side of the script.
  accept() {
    this.readyState = 1;
    this.onopen();
  }
  deliver(message, fields) {
    this.onmessage({ data: encodeMessage(message, fields).buffer });
  }
  serverCloses(code, reason = '') {
    this.readyState = 3;
    if (this.onclose) this.onclose({ code, reason });
  }
  take() {
    const sent = this.sent;
    this.sent = [];
    return sent;
  }
}

/** Simulated time: `advance(ms)` runs every timeout and interval that falls due, in time order. */
export class SimulatedClock {
  constructor(startMs = 1000) {
    this.now = startMs;
    this.timers = new Map();
    this.nextId = 1;
  }
  setTimeout = (fn, ms) => this.add(fn, ms, null);
  setInterval = (fn, ms) => this.add(fn, ms, ms);
  clear = (id) => {
    this.timers.delete(id);
  };
  add(fn, ms, every) {
    const id = this.nextId++;
    this.timers.set(id, { fn, at: this.now + Math.max(0, ms), every });
    return id;
  }
  advance(ms) {
    const end = this.now + ms;
    for (;;) {
      let due = null;
      for (const [id, t] of this.timers) {
        if (t.at <= end && (due === null || t.at < due[1].at)) due = [id, t];
      }
      if (due === null) break;
      const [id, t] = due;
      this.now = t.at;
      if (t.every === null) this.timers.delete(id);
      else t.at += t.every;
      t.fn();
    }
    this.now = end;
  }
}
