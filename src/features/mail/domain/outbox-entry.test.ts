import { describe, expect, it } from "vitest";
import { extractLinks, isOutboxEntryId, outboxEntryId, parseOutboxEntry, serializeOutboxEntry } from "./outbox-entry";

describe("outbox entries", () => {
  const now = new Date("2026-09-15T08:42:01.123Z");

  it("name files so they sort by time and cannot escape the folder", () => {
    const id = outboxEntryId(now, "ABCDEF0123456789");
    expect(id).toBe("20260915T084201123Z-abcdef012345");
    expect(isOutboxEntryId(id)).toBe(true);
    expect(isOutboxEntryId("../secret")).toBe(false);
    expect(isOutboxEntryId(`${id}/../../x`)).toBe(false);
    expect(outboxEntryId(new Date(now.getTime() + 1), "000000000000") > id).toBe(true);
  });

  it("round-trips through JSON and rejects anything else", () => {
    const entry = { id: "x", to: "a@b.fr", subject: "Sujet", text: "Corps é", createdAt: now.toISOString() };
    expect(parseOutboxEntry(serializeOutboxEntry(entry))).toEqual(entry);
    expect(parseOutboxEntry("not json")).toBeNull();
    expect(parseOutboxEntry(JSON.stringify({ id: "x" }))).toBeNull();
  });

  it("finds the links in a message", () => {
    expect(extractLinks("Ouvrez http://localhost:3000/orga/invitations/abc_-1 puis\nhttps://pix.fr/x.")).toEqual([
      "http://localhost:3000/orga/invitations/abc_-1",
      "https://pix.fr/x.",
    ]);
  });
});
