/**
 * A stable colour per person for cursors. Colour only decorates: every cursor and presence entry
 * also carries the person's name, so nothing is conveyed by colour alone. The palette is dark
 * enough for white label text at 4.5:1.
 */
const palette = ['#1d4f91', '#8a2a0a', '#0b6b3a', '#6b2a8a', '#7a5200', '#005f73', '#9b1d4a', '#3d4a00'];

export function personColour(personId: string): string {
  let hash = 0;
  for (let i = 0; i < personId.length; i++) hash = (hash * 31 + personId.charCodeAt(i)) >>> 0;
  return palette[hash % palette.length] ?? '#1d4f91';
}
