/** Size limits of an import (docs/domain.md §3). */

const MEGABYTE = 1024 * 1024;

/** Largest file accepted from the browser or the CLI. */
export const MAX_UPLOAD_BYTES = 20 * MEGABYTE;

/**
 * Largest XML accepted once unzipped. A large lycée's export weighs a few MB; the cap is what
 * stops a zip bomb, so it is enforced on the bytes actually inflated, never on the size the
 * archive declares.
 */
export const MAX_UNPACKED_BYTES = 100 * MEGABYTE;

export const toMegabytes = (bytes: number): number => Math.round(bytes / MEGABYTE);
