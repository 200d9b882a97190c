import { describe, expect, it } from "vitest";
import { parseBirthdate } from "./birthdate";

const today = new Date("2026-09-15T10:00:00+02:00");

describe("parseBirthdate", () => {
  it("builds an ISO calendar date", () => {
    expect(parseBirthdate({ day: 9, month: 2, year: 2012 }, today)).toEqual({ ok: true, isoDate: "2012-02-09" });
    expect(parseBirthdate({ day: 29, month: 2, year: 2012 }, today)).toEqual({ ok: true, isoDate: "2012-02-29" });
  });

  it("refuses dates that do not exist", () => {
    expect(parseBirthdate({ day: 29, month: 2, year: 2011 }, today)).toEqual({ ok: false, reason: "INVALID_DATE" });
    expect(parseBirthdate({ day: 31, month: 4, year: 2011 }, today)).toEqual({ ok: false, reason: "INVALID_DATE" });
    expect(parseBirthdate({ day: 0, month: 4, year: 2011 }, today)).toEqual({ ok: false, reason: "INVALID_DATE" });
    expect(parseBirthdate({ day: 1, month: 13, year: 2011 }, today)).toEqual({ ok: false, reason: "INVALID_DATE" });
    expect(parseBirthdate({ day: 1.5, month: 1, year: 2011 }, today)).toEqual({ ok: false, reason: "INVALID_DATE" });
  });

  it("refuses implausible years", () => {
    expect(parseBirthdate({ day: 1, month: 1, year: 2027 }, today)).toEqual({ ok: false, reason: "OUT_OF_RANGE" });
    expect(parseBirthdate({ day: 1, month: 1, year: 1900 }, today)).toEqual({ ok: false, reason: "OUT_OF_RANGE" });
  });
});
