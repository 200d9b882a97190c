import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { checkCliBuild } from "./cli-build";

function fingerprint(files: Record<string, string>) {
  const sources = Object.keys(files).sort();
  const hash = createHash("sha256");
  for (const source of sources) hash.update(`${source}\0`).update(Buffer.from(files[source]!)).update("\0");
  return { sources, sha256: hash.digest("hex") };
}

const reader = (files: Record<string, string>) => (path: string) => (path in files ? Buffer.from(files[path]!) : null);

describe("checkCliBuild", () => {
  const files = { "scripts/cli.ts": "a", "src/lib/db.ts": "b" };
  const build = fingerprint(files);

  it("is fresh when every source is as built", () => {
    expect(checkCliBuild(build, reader(files))).toEqual({ status: "FRESH" });
  });

  it("is stale when a source changed or disappeared", () => {
    expect(checkCliBuild(build, reader({ ...files, "src/lib/db.ts": "changed" }))).toEqual({ status: "STALE" });
    expect(checkCliBuild(build, reader({ "scripts/cli.ts": "a" }))).toEqual({ status: "STALE" });
  });

  it("says nothing when no source ships with the bundle", () => {
    expect(checkCliBuild(build, reader({}))).toEqual({ status: "NO_SOURCES" });
  });
});
