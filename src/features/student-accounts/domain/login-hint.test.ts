import { describe, expect, it } from "vitest";
import { maskLoginHint } from "./login-hint";

describe("maskLoginHint", () => {
  it("keeps the first letters and the top-level domain only", () => {
    expect(maskLoginHint("jeanne.dupont@exemple.fr")).toBe("j•••@e•••.fr");
    expect(maskLoginHint("émile@ac-lyon.education.fr")).toBe("é•••@a•••.fr");
  });

  it("masks odd values entirely", () => {
    expect(maskLoginHint("nodomain@")).toBe("•••");
    expect(maskLoginHint("@x.fr")).toBe("•••");
    expect(maskLoginHint(null)).toBeNull();
  });
});
