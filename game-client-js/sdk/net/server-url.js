/**
 * Where the page's game server is: always the origin that served the page.
 * There is no override (the old `?server=host:port` is gone): the page's
 * Content-Security-Policy lets it connect to its own origin only, and the
 * server refuses WebSocket upgrades from pages of other origins, so a page
 * that could be pointed elsewhere by a link would only be a way to phish
 * players.
 */

/**
 * @param {{protocol: string, host: string}} location the page's `window.location`
 * @returns {string} the WebSocket URL: `wss://` for an https page, `ws://` otherwise, same host and port
 */
export function socketUrl(location) {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}
