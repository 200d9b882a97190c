import { describe, expect, it } from "vitest";
import type { ImportError } from "../types";
import {
  CSV_HEADER,
  csvOf,
  csvRow,
  encode,
  latin9,
  oneStudent,
  siecleDocument,
  zipOf,
} from "./__fixtures__/siecle-builders";
import { readRegisterFile, readRegisterStream, type ReadRegisterOptions } from "./read-register";

const TODAY = new Date(2026, 8, 15);
const OPTIONS: ReadRegisterOptions = { expectedUai: "0999001W", today: TODAY };
const codes = (errors: ImportError[]) => errors.map((e) => e.code);

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const document = (count: number, fields?: Record<string, string | null>) => {
  const built = Array.from({ length: count }, (_, i) =>
    oneStudent(String(i + 1), `${String(i + 1).padStart(10, "0")}A`, "4E B", fields),
  );
  return siecleDocument({ students: built.map((b) => b.student), structures: built.map((b) => b.structure) });
};

/** Endless chunks of `fill`, after `head`; records how far it was read and whether it was closed. */
function endless(head: Uint8Array, fill: number, chunkSize = 4096) {
  const state = { yielded: 0, closed: false };
  async function* generate(): AsyncGenerator<Uint8Array> {
    try {
      state.yielded += head.length;
      yield head;
      for (;;) {
        state.yielded += chunkSize;
        yield new Uint8Array(chunkSize).fill(fill);
      }
    } finally {
      state.closed = true;
    }
  }
  return { chunks: generate(), state };
}

describe("reading a register from a stream", () => {
  it("gives exactly what reading from memory gives, whatever the chunk sizes", async () => {
    const files = {
      latin9: latin9(document(40, { PRENOM: "Chlœ", NOM_DE_FAMILLE: "CŒURDEROY" })),
      utf8WithBom: encode(document(40, { PRENOM: "Zoé" }).replace("ISO-8859-15", "UTF-8"), "utf-8", { bom: true }),
      zip: zipOf({ "__MACOSX/._x.xml": "junk", "ElevesSansAdresses.xml": latin9(document(40)) }),
      csv: encode(csvOf([CSV_HEADER, csvRow(), csvRow({ "Identifiant unique*": "1234509877L" })]), "windows-1252"),
      withErrors: latin9(document(3, { DATE_NAISS: "31/02/2011", CODE_SEXE: "" })),
    };
    for (const [name, bytes] of Object.entries(files)) {
      const fromMemory = readRegisterFile(bytes, OPTIONS);
      expect(fromMemory.errors.length + fromMemory.learners.length, name).toBeGreaterThan(0);
      // 1 byte: the BOM, the declaration and every multi-byte character are split across chunks.
      for (const size of [1, 7, 4096, 64 * 1024]) {
        expect(await readRegisterStream(chunksOf(bytes, size), OPTIONS), `${name} by ${size}`).toEqual(fromMemory);
      }
    }
  });

  it("stops reading one chunk past the upload limit and closes the stream", async () => {
    const { chunks, state } = endless(latin9(document(2)), 0x20);
    const result = await readRegisterStream(chunks, { ...OPTIONS, maxUploadBytes: 64 * 1024 });
    expect(codes(result.errors)).toEqual(["PAYLOAD_TOO_LARGE"]);
    expect(state.yielded).toBeLessThanOrEqual(64 * 1024 + 4096);
    expect(state.closed).toBe(true);
  });

  it("refuses a file over the limit as too large even when its XML breaks before the limit, as from memory", async () => {
    const broken = latin9(`${document(2).slice(0, 300)}<<<`);
    const { chunks, state } = endless(broken, 0x41);
    const result = await readRegisterStream(chunks, { ...OPTIONS, maxUploadBytes: 32 * 1024 });
    expect(codes(result.errors)).toEqual(["PAYLOAD_TOO_LARGE"]);
    expect(state.closed).toBe(true);

    const small = await readRegisterStream(chunksOf(broken, 16), OPTIONS);
    expect(small).toEqual(readRegisterFile(broken, OPTIONS));
    expect(codes(small.errors)).toEqual(["INVALID_FILE"]);
  });

  it("refuses a zip or a CSV over the limit too", async () => {
    for (const head of [
      zipOf({ "ElevesSansAdresses.xml": latin9(document(2)) }),
      encode(csvOf([CSV_HEADER, csvRow()]), "utf-8"),
    ]) {
      const { chunks, state } = endless(head, 0x41);
      const result = await readRegisterStream(chunks, { ...OPTIONS, maxUploadBytes: 32 * 1024 });
      expect(codes(result.errors)).toEqual(["PAYLOAD_TOO_LARGE"]);
      expect(state.closed).toBe(true);
    }
  });

  it("says EMPTY for an empty stream and for one that is only blanks, however long", async () => {
    expect(codes((await readRegisterStream(chunksOf(new Uint8Array(), 1), OPTIONS)).errors)).toEqual(["EMPTY"]);
    const blanks = new Uint8Array(100_000).fill(0x20);
    expect(codes((await readRegisterStream(chunksOf(blanks, 4096), OPTIONS)).errors)).toEqual(["EMPTY"]);
    // Blanks, then the document: still an XML (the head is not judged on blanks alone).
    const late = new Uint8Array([...new Uint8Array(10_000).fill(0x0a), ...latin9(document(1))]);
    expect(await readRegisterStream(chunksOf(late, 4096), OPTIONS)).toEqual(readRegisterFile(late, OPTIONS));
  });
});

describe("decoding a large chunk in steps", () => {
  it("keeps a UTF-8 character whole when it straddles a decoding step inside one chunk", () => {
    const text = document(1, { PRENOM: "Zoé" }).replace("ISO-8859-15", "UTF-8");
    const at = Buffer.from(text.slice(0, text.indexOf("Zoé") + 2), "utf-8").length;
    // Blank lines before <DONNEES> move the é's first byte to the last byte of the first 16 KB.
    const padded = text.replace("\n<DONNEES>", `${"\n".repeat(16 * 1024 - 1 - at)}\n<DONNEES>`);
    const bytes = encode(padded, "utf-8");
    expect(Buffer.from(bytes.subarray(16 * 1024 - 1, 16 * 1024 + 1)).toString("utf-8")).toBe("é");

    const result = readRegisterFile(bytes, OPTIONS);

    expect(result.errors).toEqual([]);
    expect(result.learners[0]?.firstName).toBe("Zoé");
  });
});
