import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { createStreamingDecoder, looksGarbled, sniffXmlEncoding } from "./decode-text";

const ascii = (text: string) => new TextEncoder().encode(text);

describe("XML encoding", () => {
  it("follows the declaration, defaults to UTF-8, and lets a BOM win", () => {
    expect(sniffXmlEncoding(ascii('<?xml version="1.0" encoding="ISO-8859-15"?><a/>'))).toBe("ISO-8859-15");
    expect(sniffXmlEncoding(ascii("<?xml version='1.0' encoding='iso-8859-1' standalone='yes'?>"))).toBe("ISO-8859-1");
    expect(sniffXmlEncoding(ascii('<?xml version="1.0"?><a/>'))).toBe("UTF-8");
    expect(sniffXmlEncoding(ascii("<a/>"))).toBe("UTF-8");
    expect(
      sniffXmlEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...ascii('<?xml version="1.0" encoding="ISO-8859-15"?>')])),
    ).toBe("UTF-8");
  });

  it("decodes ISO-8859-15 as Latin-9 (œ Œ €), not Latin-1 (½ ¼ ¤)", () => {
    const decoder = createStreamingDecoder("ISO-8859-15")!;
    expect(decoder.write(new Uint8Array([0xbd, 0xbc, 0xa4])) + decoder.end()).toBe("œŒ€");
  });

  it("keeps a UTF-8 character split across two chunks whole", () => {
    const decoder = createStreamingDecoder("UTF-8")!;
    const [a, b] = [new Uint8Array([0x43, 0xc5]), new Uint8Array([0x93, 0x75, 0x72])];
    expect(decoder.write(a) + decoder.write(b) + decoder.end()).toBe("Cœur");
  });

  it("has no decoder for an unknown encoding", () => {
    expect(createStreamingDecoder("X-KLINGON-8")).toBeNull();
  });
});

describe("garbled text", () => {
  it("spots UTF-8 read as a single-byte encoding, and replacement characters", () => {
    const utf8Bytes = Buffer.from("Zoé Noël Françoise", "utf-8");
    expect(looksGarbled(iconv.decode(utf8Bytes, "iso-8859-15"))).toBe(true);
    expect(looksGarbled(iconv.decode(utf8Bytes, "windows-1252"))).toBe(true);
    expect(looksGarbled("Zo\uFFFD")).toBe(true);
  });

  it("leaves real names alone", () => {
    for (const name of ["Zoé", "CŒURDEROY", "JOÃO", "Ãngel", "N'DIAYE-ROUX", "Chloœ"])
      expect(looksGarbled(name), name).toBe(false);
  });
});
