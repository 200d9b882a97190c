/** Bytes → text for register files: declared XML encodings, and the CSV's guessed encodings. */

import iconv from "iconv-lite";
import { hasUtf8Bom } from "./detect-format";

export type StreamingDecoder = { write(bytes: Uint8Array): string; end(): string };

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Null when the encoding is unknown to us. */
export function createStreamingDecoder(encoding: string): StreamingDecoder | null {
  if (!iconv.encodingExists(encoding)) return null;
  // iconv-lite keeps the bytes of a character split across two chunks for the next write.
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  return {
    write: (bytes) => decoder.write(asBuffer(bytes)),
    end: () => decoder.end() ?? "",
  };
}

const XML_DECLARATION = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/;

/**
 * The encoding to decode an XML file with: a UTF-8 BOM wins (an editor re-saved the file),
 * then the declaration, then UTF-8 as XML says.
 */
export function sniffXmlEncoding(head: Uint8Array): string {
  if (hasUtf8Bom(head)) return "UTF-8";
  // The declaration is ASCII in every encoding we accept.
  const prolog = Buffer.from(head.subarray(0, 1024)).toString("latin1");
  return XML_DECLARATION.exec(prolog)?.[1]?.toUpperCase() ?? "UTF-8";
}

/**
 * U+FFFD (bytes invalid in the declared encoding), or the classic traces of UTF-8 read as a
 * single-byte encoding ("Ã©" for "é"): names would be stored garbled, so refuse instead.
 */
const GARBLED = /\uFFFD|[ÂÃ][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u2122]/;

export const looksGarbled = (text: string): boolean => GARBLED.test(text);

export type CsvDecoding = { ok: true; text: string; encoding: "UTF-8" | "windows-1252" | "macintosh" } | { ok: false };

const EXPECTED_HEADER = /premier prénom/i;
const HEADER_WITH_UNKNOWN_BYTES = /premier pr[^\s;,]{1,4}nom/i;

const firstLine = (text: string): string => {
  const end = text.search(/\r|\n/);
  return end === -1 ? text : text.slice(0, end);
};

/**
 * Excel writes the template in UTF-8 (often with a BOM), Windows-1252 or Mac Roman. Keep the
 * first encoding in which the "Premier prénom*" header reads right (Pix's rule).
 */
export function decodeCsv(bytes: Uint8Array): CsvDecoding {
  const buffer = asBuffer(bytes);
  if (hasUtf8Bom(buffer)) {
    const text = new TextDecoder("utf-8").decode(buffer.subarray(3));
    return looksGarbled(firstLine(text)) ? { ok: false } : { ok: true, text: text.normalize("NFC"), encoding: "UTF-8" };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
    return { ok: true, text: text.normalize("NFC"), encoding: "UTF-8" };
  } catch {
    // not UTF-8: try the single-byte encodings
  }
  for (const encoding of ["windows-1252", "macintosh"] as const) {
    const text = iconv.decode(buffer, encoding);
    if (EXPECTED_HEADER.test(firstLine(text))) return { ok: true, text, encoding };
  }
  const fallback = iconv.decode(buffer, "windows-1252");
  // The header is there but reads wrong in every encoding: the names would be garbled too.
  if (HEADER_WITH_UNKNOWN_BYTES.test(firstLine(fallback))) return { ok: false };
  // Not the template at all: let the header check say which columns are missing.
  return { ok: true, text: fallback, encoding: "windows-1252" };
}
