import { describe, expect, it } from "vitest";

import { canImportSiecle } from "./permissions";

describe("who imports the student base", () => {
  it("is an ADMIN, never a MEMBER", () => {
    expect(canImportSiecle("ADMIN")).toBe(true);
    expect(canImportSiecle("MEMBER")).toBe(false);
  });
});
