import { describe, expect, it } from "vitest";

import { RETENTION_RULES } from "../inventory";
import { retentionCutoff, retentionEnd } from "./retention";

describe("retentionCutoff", () => {
  it("counts calendar months in UTC", () => {
    expect(retentionCutoff(new Date("2027-06-30T00:00:00Z"), { months: 3 }).toISOString()).toBe(
      "2027-03-30T00:00:00.000Z",
    );
    expect(retentionCutoff(new Date("2027-06-30T10:20:30.400Z"), { months: 12 }).toISOString()).toBe(
      "2026-06-30T10:20:30.400Z",
    );
  });

  it("never spills into the next month", () => {
    expect(retentionCutoff(new Date("2027-05-31T08:00:00Z"), { months: 3 }).toISOString()).toBe(
      "2027-02-28T08:00:00.000Z",
    );
    expect(retentionCutoff(new Date("2028-05-31T08:00:00Z"), { months: 3 }).toISOString()).toBe(
      "2028-02-29T08:00:00.000Z",
    );
  });

  it("crosses years and adds days", () => {
    expect(retentionCutoff(new Date("2027-01-15T00:00:00Z"), { months: 3 }).toISOString()).toBe(
      "2026-10-15T00:00:00.000Z",
    );
    expect(retentionCutoff(new Date("2027-01-15T00:00:00Z"), { months: 0, days: 30 }).toISOString()).toBe(
      "2026-12-16T00:00:00.000Z",
    );
  });

  it("says when a period ends", () => {
    expect(retentionEnd(new Date("2026-12-04T10:00:00Z"), { months: 3 }).toISOString()).toBe(
      "2027-03-04T10:00:00.000Z",
    );
    expect(retentionEnd(new Date("2026-11-30T10:00:00Z"), { months: 3 }).toISOString()).toBe(
      "2027-02-28T10:00:00.000Z",
    );
  });

  it("reads the periods the inventory declares", () => {
    expect(RETENTION_RULES.departedLearners.period.months).toBe(3);
    expect(RETENTION_RULES.inactiveGarAccounts.period.months).toBe(12);
    expect(RETENTION_RULES.auditEntries.period.months).toBe(12);
    expect(RETENTION_RULES.rejectedImportErrors.period).toMatchObject({ months: 0, days: 30 });
    expect(RETENTION_RULES.offboardedSchools.period.months).toBe(3);
  });
});
