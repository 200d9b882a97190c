import { describe, expect, it } from "vitest";
import { campaignReturnPath, sanitizeReturnPath } from "./return-path";

describe("sanitizeReturnPath", () => {
  it("keeps paths of this app", () => {
    expect(sanitizeReturnPath("/")).toBe("/");
    expect(sanitizeReturnPath("/campagnes/QWERTY234")).toBe("/campagnes/QWERTY234");
    expect(sanitizeReturnPath("/campagnes/QWERTY234/demarrer")).toBe("/campagnes/QWERTY234/demarrer");
    expect(sanitizeReturnPath("/rejoindre?code=ABC")).toBe("/rejoindre?code=ABC");
  });

  it("refuses anything that could leave the origin", () => {
    for (const value of [
      "https://evil.example/",
      "http:/evil.example",
      "//evil.example",
      "///evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/%2F%2Fevil.example",
      "/%5Cevil.example",
      "javascript:alert(1)",
      " /campagnes",
      "/campagnes\n/x",
      "/campagnes\t",
      "/../etc",
      "/a/./b",
      "campagnes/ABC",
      "/campagnes#frag",
      "",
      "/" + "a".repeat(600),
    ]) {
      expect(sanitizeReturnPath(value), value).toBeNull();
    }
    expect(sanitizeReturnPath(undefined)).toBeNull();
    expect(sanitizeReturnPath(["/"])).toBeNull();
  });
});

describe("campaignReturnPath", () => {
  it("builds the entry path of a well-formed code only", () => {
    expect(campaignReturnPath("QWERTY234")).toBe("/campagnes/QWERTY234");
    expect(campaignReturnPath("../x")).toBeNull();
  });
});
