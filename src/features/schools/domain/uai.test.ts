import { describe, expect, it } from "vitest";

import { isWellFormedUai, normalizeUai } from "./uai";

describe("UAI", () => {
  it("normalises what people type", () => {
    expect(normalizeUai(" 075 1234x ")).toBe("0751234X");
    expect(normalizeUai("0751234-x")).toBe("0751234X");
  });

  it("accepts 7 digits and a letter only", () => {
    expect(isWellFormedUai("0751234X")).toBe(true);
    expect(isWellFormedUai("075123X")).toBe(false);
    expect(isWellFormedUai("07512345")).toBe(false);
    expect(isWellFormedUai("0751234XY")).toBe(false);
  });
});
