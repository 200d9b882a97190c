import { describe, expect, it } from "vitest";
import { maskEmail } from "./email-mask";

describe("maskEmail", () => {
  it("keeps the first character and the domain only", () => {
    expect(maskEmail("ce.0751234x@ac-paris.fr")).toBe("c••••@ac-paris.fr");
    expect(maskEmail("a@ac-lyon.fr")).toBe("a••••@ac-lyon.fr");
  });

  it("hides the length of the local part", () => {
    expect(maskEmail("ab@x.fr")).toBe("a••••@x.fr");
    expect(maskEmail("abcdefghij@x.fr")).toBe("a••••@x.fr");
  });

  it("never echoes something that is not an address", () => {
    expect(maskEmail("no-at-sign")).toBe("••••");
    expect(maskEmail("@domain.fr")).toBe("••••");
  });
});
