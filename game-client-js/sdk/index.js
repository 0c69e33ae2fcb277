/**
 * The Arena browser SDK: everything a game's page needs to talk to an Arena
 * server, and nothing about any one game. One import:
 *
 * ```js
 * import { Session, RoomState, PayloadWriter, fetchGames, socketUrl } from './sdk/index.js';
 * const session = new Session({ url: socketUrl(location), onChange: () => draw() });
 * session.join({ game: 'arena', name: 'ann' });
 * ```
 *
 * - connection and session: `Session` (join, leave, spectate, private rooms,
 *   PING/PONG, INPUT pacing, game MESSAGEs, and after a drop `RESUME` until
 *   the seat is back: `Phase.RECONNECTING`, `session.reconnect`; the
 *   operators' NOTICE as `session.notice` and `onNotice`),
 *   `Connection`, `Phase`, `isResumable` (whether a close code leaves a
 *   seat to take back);
 * - the codec of PROTOCOL.md: `encodeMessage`, `decodeServerMessage`, the
 *   tags, close codes and `PROTOCOL_VERSION`, and `PayloadWriter` /
 *   `PayloadReader` for a game's own messages;
 * - replication and smooth motion: `RoomState` (a game gives it an entity
 *   `view` and a prediction hook), `World`, `InterpolationBuffer`,
 *   `TickClock`, `SteeringPredictor` (a ready-made prediction hook);
 * - the lobby: `fetchGames`, `fetchRooms`, and `socketUrl` (the page's own
 *   server: the only one its Content-Security-Policy lets it reach);
 * - helpers a game may use: steering input (`KeyboardSteering`,
 *   `PointerSteering`, `pointerToDirection`), `computeCamera`, `RttEstimator`,
 *   `RateMeter`, texts for close codes.
 */
export { Connection } from './net/connection.js';
export { Session } from './net/session.js';
export { joinFields } from './net/join-request.js';
export { isResumable } from './net/resume.js';
export { fetchGames, fetchRooms, parseGames, parseRooms } from './net/rooms-api.js';
export { socketUrl } from './net/server-url.js';
export { Phase } from './state/phase.js';
export { RoomState, SPECTATOR } from './state/room-state.js';
export { World, StateError } from './state/world.js';
export { InterpolationBuffer } from './state/interpolation.js';
export { TickClock } from './state/tick-clock.js';
export { Predictor as SteeringPredictor, seqAfter } from './state/prediction.js';
export { RttEstimator } from './state/rtt.js';
export { RateMeter } from './state/rate-meter.js';
export { InputScheduler } from './input/input-scheduler.js';
export { keysToDirection, normalize, pointerToDirection, significantlyDifferent, STILL } from './input/direction.js';
export { KeyboardSteering } from './input/keyboard.js';
export { PointerSteering } from './input/pointer.js';
export { computeCamera } from './render/camera.js';
export { PayloadReader, PayloadWriter } from './payload.js';
export { decodeClientMessage, decodeServerMessage, encodeMessage } from './protocol/codec.js';
export { CloseCode, MessageTag, PROTOCOL_VERSION } from './protocol/constants.js';
export { JOIN_CREATE_PRIVATE, JOIN_SPECTATE } from './protocol/client-messages.js';
export { WELCOME_SPECTATOR } from './protocol/server-messages.js';
export { describeClose, describeCode } from './protocol/close-messages.js';
export { ProtocolError } from './protocol/protocol-error.js';
export { fromHex, toHex } from './protocol/hex.js';

/**
 * @typedef {import('./state/room-state.js').Welcome} Welcome
 * @typedef {import('./state/room-state.js').EntityView} EntityView
 * @typedef {import('./state/room-state.js').PredictionHook} PredictionHook
 * @typedef {import('./state/room-state.js').RoomOptions} RoomOptions
 * @typedef {import('./net/join-request.js').JoinRequest} JoinRequest
 * @typedef {import('./net/rooms-api.js').RoomInfo} RoomInfo
 * @typedef {import('./net/rooms-api.js').GameInfo} GameInfo
 * @typedef {import('./input/direction.js').Direction} Direction
 * @typedef {import('./render/camera.js').Camera} Camera
 */
