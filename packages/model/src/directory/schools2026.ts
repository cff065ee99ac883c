import { z } from 'zod';

/**
 * The April 2026 list in its transformed JSON form: we read only the number, name, postcode and
 * coordinates (for synthetic clusters) and the phase/language to cross-check. Its pupil count
 * is never read (M9).
 */
const Entry = z.object({
  number: z.string(),
  name: z.string(),
  postcode: z.string().optional(),
  lat: z.number().optional(),
  lng: z.number().optional(),
});

export interface SchoolLocation {
  id: string;
  name: string;
  postcode?: string;
  lat: number;
  lng: number;
}

/** Locations by school number, from the JSON text. Entries without coordinates are skipped. */
export function parseSchoolLocations(jsonText: string): Map<string, SchoolLocation> {
  const data: unknown = JSON.parse(jsonText);
  const entries = z.array(z.unknown()).parse(data);
  const out = new Map<string, SchoolLocation>();
  for (const raw of entries) {
    const e = Entry.safeParse(raw);
    if (!e.success || e.data.lat === undefined || e.data.lng === undefined) continue;
    out.set(e.data.number, {
      id: e.data.number,
      name: e.data.name,
      ...(e.data.postcode === undefined ? {} : { postcode: e.data.postcode }),
      lat: e.data.lat,
      lng: e.data.lng,
    });
  }
  return out;
}
