import { describe, expect, it } from "vitest";
import { z } from "zod";

import { activationSchema } from "./schema";

describe("activationSchema", () => {
  it("normalises and checks the UAI", () => {
    expect(activationSchema.parse({ uai: " 0751234x" }).uai).toBe("0751234X");
    const bad = activationSchema.safeParse({ uai: "1234" });
    expect(z.flattenError(bad.error!).fieldErrors.uai?.[0]).toMatch(/7 chiffres/);
  });
});
