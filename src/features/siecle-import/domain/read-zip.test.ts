import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { zipBomb } from "./__fixtures__/siecle-builders";
import { RegisterFileError } from "./import-errors";
import { inflateZipEntry, isIgnoredEntry, listZipEntries, pickXmlEntry } from "./read-zip";

const MB = 1024 * 1024;

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof RegisterFileError) return error.error;
    throw error;
  }
  throw new Error("expected a refusal");
};

/** Central directory entries start with PK\1\2; patch the first one's fields in place. */
function patchCentralEntry(zip: Uint8Array, patch: (view: DataView, at: number) => void): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let at = 0; at < copy.length - 4; at++) {
    if (view.getUint32(at, true) === 0x02014b50) {
      patch(view, at);
      return copy;
    }
  }
  throw new Error("no central directory");
}

describe("zip entries", () => {
  it("ignores __MACOSX, dot-files, dot-folders and folders", () => {
    expect(isIgnoredEntry("__MACOSX/._ElevesSansAdresses.xml")).toBe(true);
    expect(isIgnoredEntry("._ElevesSansAdresses.xml")).toBe(true);
    expect(isIgnoredEntry(".git/config.xml")).toBe(true);
    expect(isIgnoredEntry("export/")).toBe(true);
    expect(isIgnoredEntry("export\\ElevesSansAdresses.xml")).toBe(false);
    expect(isIgnoredEntry("ElevesSansAdresses.xml")).toBe(false);
  });

  it("picks the single XML, whatever its folder or case", () => {
    const zip = zipSync({ "export/ELEVES.XML": new Uint8Array([60]), "notes.txt": new Uint8Array([1]) });
    expect(pickXmlEntry(listZipEntries(zip)).name).toBe("export/ELEVES.XML");
  });

  it("reads stored (uncompressed) entries too", () => {
    const content = new TextEncoder().encode("<BEE_ELEVES/>".repeat(10_000));
    const zip = zipSync({ "a.xml": content }, { level: 0 });
    const entry = pickXmlEntry(listZipEntries(zip));
    expect(entry.method).toBe(0);
    const chunks: Uint8Array[] = [];
    inflateZipEntry(zip, entry, 10 * MB, (c) => chunks.push(c.slice()));
    expect(Buffer.concat(chunks).equals(Buffer.from(content))).toBe(true);
  });
});

describe("the unpacked-size cap", () => {
  it("holds on the bytes actually inflated even when the archive lies about the size", () => {
    const lying = patchCentralEntry(zipBomb(8), (view, at) => view.setUint32(at + 24, 100, true));
    const entry = pickXmlEntry(listZipEntries(lying));
    expect(entry.uncompressedSize).toBe(100);

    let delivered = 0;
    const error = refusal(() => inflateZipEntry(lying, entry, 2 * MB, (chunk) => (delivered += chunk.length)));

    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    // Inflation stopped at the cap instead of unpacking the 8 MB first.
    expect(delivered).toBeLessThanOrEqual(2 * MB);
  });
});

describe("damaged or unsupported archives", () => {
  const zip = () => zipSync({ "ElevesSansAdresses.xml": new TextEncoder().encode("<BEE_ELEVES>".repeat(1000)) });

  it("refuses an encrypted entry", () => {
    const encrypted = patchCentralEntry(zip(), (view, at) =>
      view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true),
    );
    const entry = pickXmlEntry(listZipEntries(encrypted));
    expect(refusal(() => inflateZipEntry(encrypted, entry, MB, () => {})).message).toContain("mot de passe");
  });

  it("refuses an entry whose CRC does not match its content", () => {
    const badCrc = patchCentralEntry(zip(), (view, at) => view.setUint32(at + 16, 12345, true));
    const entry = pickXmlEntry(listZipEntries(badCrc));
    expect(refusal(() => inflateZipEntry(badCrc, entry, MB, () => {})).message).toContain("endommagée");
  });

  it("refuses bytes that only start like a zip", () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(refusal(() => listZipEntries(bytes)).code).toBe("INVALID_FILE");
  });
});
