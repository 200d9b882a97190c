import { describe, expect, it } from "vitest";
import { isIdoReplacementRefusal } from "./ido-replacement";

describe("isIdoReplacementRefusal", () => {
  it("recognises the stored refusal reasons only", () => {
    expect(isIdoReplacementRefusal("NAMES_DIFFER")).toBe(true);
    expect(isIdoReplacementRefusal("UAI_MISMATCH")).toBe(true);
    expect(isIdoReplacementRefusal("IDO_OWNS_OTHER_ACCOUNT")).toBe(true);
    expect(isIdoReplacementRefusal("names_differ")).toBe(false);
    expect(isIdoReplacementRefusal(undefined)).toBe(false);
    expect(isIdoReplacementRefusal(3)).toBe(false);
  });
});
