import { z } from 'zod';

/**
 * Bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069). In a
 * title or a name they make text display in an order other than the one it is stored in: a
 * document "Adolygiad\u202Efdp.exe" reads differently from what it is, and a person's name can be
 * made to look like someone else's. Welsh and English never need them, so titles and names
 * refuse them (D27) rather than strip them silently.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROLS.test(text);
}

export const bidiControlMessage = 'Titles and names cannot contain bidirectional control characters.';

/** A title or a person's name as people type it: trimmed, not empty, at most `max`, no bidi controls (D27). */
export function displayText(max = 200): z.ZodType<string, string> {
  return z.string().trim().min(1).max(max).refine((text) => !hasBidiControl(text), { message: bidiControlMessage });
}
