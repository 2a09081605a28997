/** Helpers for long, deterministic series of demo objects. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The ISO instant `offsetMs` after `start`. */
export function after(start: string, offsetMs: number): string {
  return new Date(Date.parse(start) + offsetMs).toISOString();
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** FNV-1a: a stable stand-in for randomness, so every seed makes the same choices. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export function series<T>(count: number, make: (index: number) => T): T[] {
  return Array.from({ length: count }, (_, index) => make(index));
}
