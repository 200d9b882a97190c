import { describe, expect, it } from "vitest";
import { applyFrenchSpacing } from "./typography";

describe("applyFrenchSpacing", () => {
  it("binds high punctuation and guillemets to their word", () => {
    expect(applyFrenchSpacing("Que faites-vous ? Ceci : « Objet »")).toBe(
      "Que faites-vous\u202f? Ceci\u00a0: «\u00a0Objet\u00a0»",
    );
  });

  it("leaves text without those signs alone", () => {
    expect(applyFrenchSpacing("=SOMME(B2:B4)")).toBe("=SOMME(B2:B4)");
  });
});
