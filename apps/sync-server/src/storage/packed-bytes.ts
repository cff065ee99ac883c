/**
 * Many byte arrays as one ArrayBuffer, so they cross a thread boundary in one transfer.
 * Structured clone of a Uint8Array copies its whole backing buffer, which for a view into a
 * pooled or larger buffer (a ws frame, a Node Buffer pool slab) is far more than the view.
 * Packing copies exactly the bytes once; transferring the result copies nothing more.
 */
export interface PackedBytes {
  buffer: ArrayBuffer;
  lengths: number[];
}

export function packBytes(parts: readonly Uint8Array[]): PackedBytes {
  const lengths = parts.map((part) => part.byteLength);
  const packed = new Uint8Array(lengths.reduce((sum, length) => sum + length, 0));
  let offset = 0;
  for (const part of parts) {
    packed.set(part, offset);
    offset += part.byteLength;
  }
  return { buffer: packed.buffer, lengths };
}

/** Views into the packed buffer: no copy, so the receiver owns one buffer for all of them. */
export function unpackBytes(packed: PackedBytes): Uint8Array[] {
  let offset = 0;
  return packed.lengths.map((length) => {
    const view = new Uint8Array(packed.buffer, offset, length);
    offset += length;
    return view;
  });
}
