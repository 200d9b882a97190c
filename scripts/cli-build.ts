// The fingerprint that scripts/build-cli.ts puts in dist/cli.mjs, checked at each start: a
// bundle built from other sources than the checkout's (a `git pull` without `npm run build:cli`)
// must not run an operator command with yesterday's rules.
import { createHash } from "node:crypto";

export type CliBuild = { sources: string[]; sha256: string };

export type BuildFreshness =
  | { status: "FRESH" }
  /** Shipped without its sources (a deployment of dist/ only): nothing to compare with. */
  | { status: "NO_SOURCES" }
  | { status: "STALE" };

/** sha256 over each source's path and content, in the given order; null for an unreadable source. */
export function fingerprintSources(
  sources: readonly string[],
  readSource: (path: string) => Buffer | null,
): { sha256: string; missing: number } {
  const hash = createHash("sha256");
  let missing = 0;
  for (const source of sources) {
    const content = readSource(source);
    if (content === null) {
      missing += 1;
      continue;
    }
    hash.update(`${source}\0`).update(content).update("\0");
  }
  return { sha256: hash.digest("hex"), missing };
}

export function checkCliBuild(build: CliBuild, readSource: (path: string) => Buffer | null): BuildFreshness {
  const { sha256, missing } = fingerprintSources(build.sources, readSource);
  if (missing === build.sources.length) return { status: "NO_SOURCES" };
  if (missing > 0) return { status: "STALE" };
  return sha256 === build.sha256 ? { status: "FRESH" } : { status: "STALE" };
}
