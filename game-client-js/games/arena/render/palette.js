/**
 * Colours. A player's colour comes from its id, so it stays the same on
 * every client and across frames.
 */

export const COLORS = Object.freeze({
  background: '#10141c',
  outside: '#07090d',
  grid: '#1c2330',
  bounds: '#4a5a78',
  orb: '#f5c542',
  orbGlow: 'rgba(245, 197, 66, 0.25)',
  ownRing: '#ffffff',
  name: '#e8ecf4',
  nameOwn: '#ffffff',
  minimap: 'rgba(11, 14, 20, 0.8)',
  minimapView: 'rgba(120, 170, 255, 0.22)',
  minimapCamera: 'rgba(232, 236, 244, 0.7)',
});

/**
 * @param {number} id an entity id
 * @returns {string} a CSS colour, evenly spread hues by the golden angle
 */
export function playerColor(id) {
  const hue = (id * 137.508) % 360;
  return `hsl(${hue.toFixed(1)}, 70%, 58%)`;
}
