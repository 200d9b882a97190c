import { describe, expect, it } from "vitest";
import { fieldAfterTyping, parseBirthdate, splitWholeBirthdate } from "./birthdate";

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

describe("a birth date typed or pasted in one go", () => {
  it("splits a whole date pasted in any of the usual forms", () => {
    const expected = { day: "06", month: "08", year: "2010" };
    for (const text of ["06/08/2010", "6/8/2010", "06-08-2010", "06.08.2010", "6 8 2010", " 06082010 "]) {
      expect(splitWholeBirthdate(text), text).toEqual(expected);
    }
  });

  it("leaves alone what is not a whole date, so the field behaves as usual", () => {
    for (const text of ["06", "0608", "06/08", "06/08/10", "2010/08/06", "060820101", "le 6 août", ""]) {
      expect(splitWholeBirthdate(text), text).toBeNull();
    }
  });

  it("moves on to the next field when a keystroke completes this one", () => {
    expect(fieldAfterTyping("day", "06", "0")).toBe("month");
    expect(fieldAfterTyping("month", "08", "0")).toBe("year");
    expect(fieldAfterTyping("year", "2010", "201")).toBeNull();
  });

  it("stays when the student edits or empties a field, or types something else than digits", () => {
    expect(fieldAfterTyping("day", "0", "")).toBeNull();
    expect(fieldAfterTyping("day", "0", "06")).toBeNull();
    expect(fieldAfterTyping("day", "16", "06")).toBeNull();
    expect(fieldAfterTyping("day", "0a", "0")).toBeNull();
    expect(fieldAfterTyping("month", "08", "")).toBeNull();
  });
});
