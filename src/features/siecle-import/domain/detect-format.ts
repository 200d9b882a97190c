/** Tells a SIECLE zip, a SIECLE XML and a CSV apart by their bytes, never by the file name. */

export type DetectedKind = "ZIP" | "XML" | "CSV" | "EMPTY" | "BINARY";

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export const hasUtf8Bom = (bytes: Uint8Array): boolean =>
  bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];

const isZipMagic = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 &&
  bytes[0] === 0x50 &&
  bytes[1] === 0x4b &&
  // local file header (PK\3\4), or the end record of an empty archive (PK\5\6)
  ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06));

const isXmlWhitespace = (b: number | undefined): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

export function detectKind(bytes: Uint8Array): DetectedKind {
  if (bytes.length === 0) return "EMPTY";
  if (isZipMagic(bytes)) return "ZIP";
  let i = hasUtf8Bom(bytes) ? 3 : 0;
  while (i < bytes.length && isXmlWhitespace(bytes[i])) i++;
  if (i === bytes.length) return "EMPTY";
  if (bytes[i] === 0x3c /* < */) return "XML";
  // Text files never hold NUL bytes (UTF-16 does, and neither SIECLE nor Excel's CSV use it).
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return "BINARY";
  return "CSV";
}
