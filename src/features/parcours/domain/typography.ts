const NBSP = "\u00a0";
const NARROW_NBSP = "\u202f";

/**
 * French typography puts a space before ? ! : ; and inside « ». Content is authored with plain
 * spaces; on a narrow phone screen a plain space lets "?" or "»" wrap alone onto the next line.
 */
export function applyFrenchSpacing(text: string): string {
  return text
    .replace(/ ([?!;])/g, `${NARROW_NBSP}$1`)
    .replace(/ :/g, `${NBSP}:`)
    .replace(/« /g, `«${NBSP}`)
    .replace(/ »/g, `${NBSP}»`);
}
