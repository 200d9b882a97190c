import { describe, expect, it } from "vitest";

import { formatImportDate } from "./format";

describe("import dates", () => {
  it("are shown in Paris time as jj/mm/aaaa à hh:mm, summer and winter", () => {
    expect(formatImportDate("2026-09-15T08:42:00.000Z")).toBe("15/09/2026 à 10:42");
    expect(formatImportDate("2026-01-05T23:30:00.000Z")).toBe("06/01/2026 à 00:30");
  });
});
