import { describe, expect, it } from "vitest";
import {
  CAMPAIGN_CODE_DIGITS,
  CAMPAIGN_CODE_LETTERS,
  cryptoRandomIndex,
  formatCampaignCode,
  generateCampaignCode,
  isValidCampaignCode,
  normalizeCampaignCode,
} from "./campaign-code";

describe("generateCampaignCode", () => {
  it("produces 6 allowed letters then 3 digits from 2 to 9", () => {
    for (let i = 0; i < 2000; i++) {
      const code = generateCampaignCode();
      expect(code).toMatch(/^[A-HJKMNP-Z]{6}[2-9]{3}$/);
      expect(isValidCampaignCode(code)).toBe(true);
    }
  });

  it("never uses I, L, O, 0 or 1", () => {
    expect(CAMPAIGN_CODE_LETTERS).not.toMatch(/[ILO]/);
    expect(CAMPAIGN_CODE_LETTERS).toHaveLength(23);
    expect(CAMPAIGN_CODE_DIGITS).toBe("23456789");
  });

  it("maps the random source onto the alphabets", () => {
    expect(generateCampaignCode(() => 0)).toBe("AAAAAA222");
    expect(generateCampaignCode((max) => max - 1)).toBe("ZZZZZZ999");
  });

  it("spreads symbols roughly evenly (no modulo bias)", () => {
    const counts = new Map<string, number>();
    const draws = 23_000;
    for (let i = 0; i < draws; i++) {
      const letter = CAMPAIGN_CODE_LETTERS[cryptoRandomIndex(23)]!;
      counts.set(letter, (counts.get(letter) ?? 0) + 1);
    }
    expect(counts.size).toBe(23);
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(700);
      expect(count).toBeLessThan(1300);
    }
  });

  it("rejects impossible ranges", () => {
    expect(() => cryptoRandomIndex(0)).toThrow(RangeError);
    expect(() => cryptoRandomIndex(300)).toThrow(RangeError);
  });
});

describe("normalizeCampaignCode / isValidCampaignCode", () => {
  it("trims, drops inner spaces and upper-cases", () => {
    expect(normalizeCampaignCode("  qwe rty 234 ")).toBe("QWERTY234");
    expect(isValidCampaignCode(normalizeCampaignCode("qwe rty 234"))).toBe(true);
  });

  it("rejects malformed codes", () => {
    for (const bad of [
      "",
      "QWERTY23",
      "QWERTY2345",
      "QWERTI234",
      "QWERTL234",
      "QWERTO234",
      "QWERTY134",
      "QWERTY230",
      "123QWERTY",
      "qwerty234",
    ]) {
      expect(isValidCampaignCode(bad), bad).toBe(false);
    }
  });
});

describe("formatCampaignCode", () => {
  it("groups by three", () => {
    expect(formatCampaignCode("QWERTY234")).toBe("QWE RTY 234");
  });
});
