import type { School } from '../domain/school';
import type { SchoolLocation } from '../directory/schools2026';

export interface Point {
  lat: number;
  lng: number;
}

/** Great-circle distance in km; plenty accurate for "nearest school". */
export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

const district = (postcode: string | undefined): string | null => {
  const outward = postcode?.trim().toUpperCase().split(/\s+/)[0];
  return outward === undefined || outward === '' ? null : outward;
};

/**
 * Puts coordinates on schools from the 2026 list. A 2022 school missing from 2026 (closed or
 * merged since) gets the centre of the 2026 schools in its postcode district, which is close
 * enough to build a synthetic cluster; with no such district it stays without coordinates.
 */
export function locateSchools(schools: readonly School[], locations: ReadonlyMap<string, SchoolLocation>): School[] {
  const byDistrict = new Map<string, Point[]>();
  for (const loc of locations.values()) {
    const d = district(loc.postcode);
    if (d !== null) byDistrict.set(d, [...(byDistrict.get(d) ?? []), loc]);
  }
  return schools.map((s) => {
    const exact = locations.get(s.id);
    if (exact !== undefined) return { ...s, lat: exact.lat, lng: exact.lng };
    const d = district(s.postcode);
    const near = d === null ? undefined : byDistrict.get(d);
    if (near === undefined || near.length === 0) return s;
    const lat = near.reduce((sum, p) => sum + p.lat, 0) / near.length;
    const lng = near.reduce((sum, p) => sum + p.lng, 0) / near.length;
    return { ...s, lat: Math.round(lat * 1e5) / 1e5, lng: Math.round(lng * 1e5) / 1e5 };
  });
}

export function pointOf(s: School): Point | null {
  return s.lat === undefined || s.lng === undefined ? null : { lat: s.lat, lng: s.lng };
}

/** Distance between two schools; unknown locations sort last. */
export function schoolDistance(a: School, b: School): number {
  const pa = pointOf(a);
  const pb = pointOf(b);
  return pa === null || pb === null ? Number.POSITIVE_INFINITY : distanceKm(pa, pb);
}
