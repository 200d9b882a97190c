import { describe, expect, it } from "vitest";
import { detectKind } from "./detect-format";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("detecting the kind of file by content", () => {
  it("knows a zip by its magic bytes, whatever the name", () => {
    expect(detectKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe("ZIP");
    expect(detectKind(new Uint8Array([0x50, 0x4b, 0x05, 0x06, 0]))).toBe("ZIP");
  });

  it("knows XML by its first non-blank character, after a BOM", () => {
    expect(detectKind(bytes('<?xml version="1.0"?><a/>'))).toBe("XML");
    expect(detectKind(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("\r\n <BEE_ELEVES/>")]))).toBe("XML");
  });

  it("treats other text as CSV, NUL bytes as binary, nothing as empty", () => {
    expect(detectKind(bytes("Identifiant unique*;Premier prénom*"))).toBe("CSV");
    expect(detectKind(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toBe("BINARY");
    expect(detectKind(new Uint8Array([]))).toBe("EMPTY");
    expect(detectKind(new Uint8Array([0xef, 0xbb, 0xbf, 0x20]))).toBe("EMPTY");
  });
});
