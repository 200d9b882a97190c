/**
 * The SIECLE zip: exactly one `.xml` entry, inflated as a stream so the unpacked-size cap holds
 * while inflating (a 20 MB zip bomb never becomes gigabytes in memory).
 *
 * The central directory is read by hand because it, not the local headers, is the archive's
 * table of contents; fflate's streaming `Inflate` then does the decompression.
 */

import { Inflate } from "fflate";
import { crc32 } from "node:zlib";
import { failFile, RegisterFileError } from "./import-errors";
import { toMegabytes } from "./limits";

export type ZipEntry = {
  name: string;
  method: number;
  isEncrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  crc: number;
  localHeaderOffset: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN_SIZE = 22;
/** Compressed bytes handed to the inflater at a time: at most ~1032× that comes out per step. */
const INFLATE_STEP = 16 * 1024;
const STORED_STEP = 64 * 1024;

const corrupt = (): never => failFile("INVALID_FILE", { variant: "ZIP_CORRUPT" });

export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : corrupt());
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : corrupt());

  let eocd = -1;
  const lowest = Math.max(0, bytes.length - EOCD_MIN_SIZE - 0xffff);
  for (let at = bytes.length - EOCD_MIN_SIZE; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) corrupt();

  const count = u16(eocd + 10);
  const directoryOffset = u32(eocd + 16);
  // ZIP64 markers: no school export comes near 4 GB, so such an archive is not ours.
  if (count === 0xffff || directoryOffset === 0xffffffff) corrupt();

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL_SIGNATURE) corrupt();
    const flags = u16(at + 8);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (at + 46 + nameLength > bytes.length) corrupt();
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: UTF-8 names; otherwise CP437, whose ASCII part is all a file name we look at needs.
    const name = new TextDecoder(flags & 0x800 ? "utf-8" : "latin1").decode(rawName);
    entries.push({
      name,
      method: u16(at + 10),
      isEncrypted: (flags & 0x1) !== 0,
      crc: u32(at + 16),
      compressedSize: u32(at + 20),
      uncompressedSize: u32(at + 24),
      localHeaderOffset: u32(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** `__MACOSX/…`, `.DS_Store`, `._ElevesSansAdresses.xml` and folders are not content. */
export function isIgnoredEntry(name: string): boolean {
  const path = name.replace(/\\/g, "/");
  if (path.endsWith("/")) return true;
  return path.split("/").some((segment) => segment === "__MACOSX" || segment.startsWith("."));
}

export function pickXmlEntry(entries: ZipEntry[]): ZipEntry {
  const xmlEntries = entries.filter((e) => !isIgnoredEntry(e.name) && /\.xml$/i.test(e.name));
  if (xmlEntries.length === 0) failFile("INVALID_FILE", { variant: "ZIP_NO_XML" });
  if (xmlEntries.length > 1)
    failFile("INVALID_FILE", { variant: "ZIP_SEVERAL_XML", names: xmlEntries.map((e) => e.name).join(", ") });
  return xmlEntries[0]!;
}

/**
 * Inflates one entry chunk by chunk into `onChunk`, stopping as soon as more than
 * `maxUnpackedBytes` came out, and checks the CRC at the end.
 */
export function inflateZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  maxUnpackedBytes: number,
  onChunk: (chunk: Uint8Array) => void,
): void {
  if (entry.isEncrypted) failFile("INVALID_FILE", { variant: "ZIP_ENCRYPTED" });
  if (entry.method !== 0 && entry.method !== 8) failFile("INVALID_FILE", { variant: "ZIP_METHOD" });

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_SIGNATURE) corrupt();
  const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) corrupt();

  let unpacked = 0;
  let crc = 0;
  const emit = (chunk: Uint8Array) => {
    if (chunk.length === 0) return;
    unpacked += chunk.length;
    if (unpacked > maxUnpackedBytes)
      failFile("PAYLOAD_TOO_LARGE", { variant: "UNPACKED", maxMegabytes: toMegabytes(maxUnpackedBytes) });
    crc = crc32(chunk, crc);
    onChunk(chunk);
  };

  if (entry.method === 0) {
    for (let at = dataStart; at < dataEnd; at += STORED_STEP)
      emit(bytes.subarray(at, Math.min(at + STORED_STEP, dataEnd)));
  } else {
    let finished = false;
    const inflater = new Inflate((chunk, final) => {
      emit(chunk);
      if (final) finished = true;
    });
    try {
      for (let at = dataStart; at < dataEnd; at += INFLATE_STEP) {
        const end = Math.min(at + INFLATE_STEP, dataEnd);
        inflater.push(bytes.subarray(at, end), end === dataEnd);
      }
      if (entry.compressedSize === 0) inflater.push(new Uint8Array(0), true);
    } catch (error) {
      // fflate's errors carry a numeric code; anything else (our own refusals, bugs) goes on up.
      if (error instanceof RegisterFileError || typeof (error as { code?: unknown }).code !== "number") throw error;
      corrupt();
    }
    if (!finished) corrupt();
  }
  if (crc >>> 0 !== entry.crc) corrupt();
}
