import { describe, expect, it } from "vitest";

import { maskIne } from "./ine-mask";

describe("maskIne", () => {
  it("hides every character of an INE but the last two", () => {
    expect(maskIne("1234567890A")).toBe("•••••••••0A");
    expect(maskIne("1234567890A")).not.toContain("123");
  });

  it("hides a short value entirely", () => {
    expect(maskIne("12A")).toBe("•••");
    expect(maskIne("")).toBe("");
  });
});
