/**
 * How the admin page writes numbers, times and states. Pure functions.
 */

/**
 * @param {number} seconds
 * @returns {string} e.g. "42 s", "5 min", "2 h 3 min", "3 d 4 h"
 */
export function formatAge(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/**
 * @param {number} bytes
 * @returns {string} e.g. "812 B", "3.4 KB", "2.50 MB"
 */
export function formatBytes(bytes) {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1000).toFixed(1)} KB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(2)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

/**
 * @param {number|null} ms
 * @returns {string}
 */
export function formatRtt(ms) {
  return ms === null ? '–' : `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

const STATES = Object.freeze({ playing: 'playing', grace: 'dropped (seat held)', spectator: 'watching' });

/**
 * @param {string} state as the API names it
 * @returns {string}
 */
export function formatState(state) {
  return /** @type {Record<string, string>} */ (STATES)[state] ?? state;
}

/**
 * @param {Record<string, string>} metadata
 * @returns {string} e.g. "mode=teams, map=dunes", or "" for none
 */
export function formatMetadata(metadata) {
  return Object.entries(metadata).map(([k, v]) => `${k}=${v}`).join(', ');
}

/**
 * How long ago an ISO instant was, against `nowMs`.
 * @param {string} iso
 * @param {number} nowMs
 * @returns {string}
 */
export function since(iso, nowMs) {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '?' : `${formatAge((nowMs - at) / 1000)} ago`;
}

/** Ban durations the form offers, in seconds. */
export const BAN_DURATIONS = Object.freeze([
  { label: '10 minutes', seconds: 600 },
  { label: '1 hour', seconds: 3600 },
  { label: '1 day', seconds: 86400 },
  { label: '7 days', seconds: 7 * 86400 },
  { label: '30 days', seconds: 30 * 86400 },
]);
