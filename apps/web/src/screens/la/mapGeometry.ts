/**
 * O18: where each school sits on the app's own SVG map of the LA: an equirectangular projection
 * of the directory's coordinates, east-west shrunk by the cosine of the middle latitude so the
 * LA keeps its shape. No outside tiles: the points are the map.
 */
export interface Located { lat: number | null; lng: number | null }

export function project<T extends Located>(points: readonly T[], width: number, pad = 12): { items: (T & { x: number; y: number })[]; height: number } {
  const located = points.filter((p): p is T & { lat: number; lng: number } => p.lat !== null && p.lng !== null);
  if (located.length === 0) return { items: [], height: width / 2 };
  const lats = located.map((p) => p.lat);
  const lngs = located.map((p) => p.lng);
  const [minLat, maxLat, minLng, maxLng] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)];
  const k = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const spanX = Math.max((maxLng - minLng) * k, 1e-6);
  const spanY = Math.max(maxLat - minLat, 1e-6);
  const scale = (width - 2 * pad) / spanX;
  const height = Math.min(Math.max(spanY * scale + 2 * pad, 160), width * 1.5);
  const scaleY = Math.min(scale, (height - 2 * pad) / spanY);
  return {
    height,
    items: located.map((p) => ({ ...p, x: pad + (p.lng - minLng) * k * scale, y: pad + (maxLat - p.lat) * scaleY })),
  };
}
