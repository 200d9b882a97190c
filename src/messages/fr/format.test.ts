import { describe, expect, it } from "vitest";

import { classesMessages } from "./classes";

import {
  plural,
  pluralWord,
  compareFrench,
  formatDate,
  formatDateAtTime,
  formatDateTime,
  formatDateTimeWithSeconds,
  formatTime,
  formatTimeWithSeconds,
} from "./format";

// 08:42:05 UTC in summer is 10:42:05 in Paris; 23:30 UTC in winter is 00:30 the next day.
const summer = new Date("2026-09-15T08:42:05.000Z");
const winter = "2026-01-05T23:30:00.000Z";

describe("French dates, in Paris time whatever the server's", () => {
  it("formats a date as jj/mm/aaaa", () => {
    expect(formatDate(summer)).toBe("15/09/2026");
    expect(formatDate(winter)).toBe("06/01/2026");
  });

  it("formats import dates as jj/mm/aaaa à hh:mm, summer and winter", () => {
    expect(formatDateAtTime("2026-09-15T08:42:00.000Z")).toBe("15/09/2026 à 10:42");
    expect(formatDateAtTime(winter)).toBe("06/01/2026 à 00:30");
  });

  it("formats date and time, with or without seconds, and times alone", () => {
    expect(formatDateTime(summer)).toBe("15/09/2026 10:42");
    expect(formatDateTimeWithSeconds(summer)).toBe("15/09/2026 10:42:05");
    expect(formatTime(summer)).toBe("10:42");
    expect(formatTimeWithSeconds(summer)).toBe("10:42:05");
    expect(formatTime(winter)).toBe("00:30");
  });
});

describe("compareFrench", () => {
  it("ignores accents and case and orders numbers by value", () => {
    expect(["Zoé", "émile", "Eva", "adam"].sort(compareFrench)).toEqual(["adam", "émile", "Eva", "Zoé"]);
    expect(["6E 10", "6E 2", "6e 1"].sort(compareFrench)).toEqual(["6e 1", "6E 2", "6E 10"]);
    expect(compareFrench("Élodie", "elodie")).toBe(0);
  });
});

describe("plural", () => {
  it("agrees by French rules: 0 and 1 singular, 2 and more plural", () => {
    expect(plural(0, "élève", "élèves")).toBe("0 élève");
    expect(plural(1, "élève a rejoint Pix", "élèves ont rejoint Pix")).toBe("1 élève a rejoint Pix");
    expect(plural(2, "élève a rejoint Pix", "élèves ont rejoint Pix")).toBe("2 élèves ont rejoint Pix");
    expect(pluralWord(1, "minute", "minutes")).toBe("minute");
    expect(pluralWord(15, "minute", "minutes")).toBe("minutes");
  });

  it("says how many of a class joined, the noun agreeing with that count", () => {
    expect(classesMessages.joinedDescription(1, 6)).toBe("1 élève sur 6 a rejoint Pix");
    expect(classesMessages.joinedDescription(0, 6)).toBe("0 élève sur 6 a rejoint Pix");
    expect(classesMessages.joinedDescription(5, 6)).toBe("5 élèves sur 6 ont rejoint Pix");
  });
});
