import { describe, expect, it } from "vitest";

import { redact } from "@/lib/logger";

describe("log redaction", () => {
  it("removes personal data keys at any depth and keeps technical ones", () => {
    expect(
      redact({
        learnerId: 12,
        firstName: "Maëlys",
        nested: { birthdate: "2011-02-03", ine: "0123456789Q", IDO: "abc", email: "a@b.fr" },
        line: 4,
        count: 3,
      }),
    ).toEqual({
      learnerId: 12,
      firstName: "[redacted]",
      nested: { birthdate: "[redacted]", ine: "[redacted]", IDO: "[redacted]", email: "[redacted]" },
      line: 4,
      count: 3,
    });
  });
});
