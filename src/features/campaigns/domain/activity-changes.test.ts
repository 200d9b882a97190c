import { describe, expect, it } from "vitest";

import { listActivityChanges } from "./activity-changes";

const zoe = { participationId: 1, firstName: "Zoé", lastName: "NGUYEN", status: "STARTED" as const };
const come = { participationId: 2, firstName: "Côme", lastName: "MÜLLER", status: "STARTED" as const };

describe("listActivityChanges", () => {
  it("is empty when nothing changed", () => {
    expect(listActivityChanges([zoe, come], [zoe, come])).toEqual([]);
    expect(listActivityChanges([], [])).toEqual([]);
  });

  it("announces a newcomer, a finished and a shared participation", () => {
    expect(listActivityChanges([zoe], [zoe, come])).toEqual([
      { kind: "JOINED", firstName: "Côme", lastName: "MÜLLER" },
    ]);
    expect(listActivityChanges([zoe], [{ ...zoe, status: "TO_SHARE" }])).toEqual([
      { kind: "FINISHED", firstName: "Zoé", lastName: "NGUYEN" },
    ]);
    expect(listActivityChanges([{ ...zoe, status: "TO_SHARE" }], [{ ...zoe, status: "SHARED" }])).toEqual([
      { kind: "SHARED", firstName: "Zoé", lastName: "NGUYEN" },
    ]);
  });

  it("announces a participation first seen as shared (a status filter) by its status, and nothing for one gone", () => {
    expect(listActivityChanges([], [{ ...zoe, status: "SHARED" }])).toEqual([
      { kind: "SHARED", firstName: "Zoé", lastName: "NGUYEN" },
    ]);
    expect(listActivityChanges([zoe, come], [zoe])).toEqual([]);
  });
});
