import { describe, expect, it } from "vitest";

import { dependencyProblems } from "./check-dependencies";

const allowlist = { allowed: { next: "the web framework", zod: "validation" } };

describe("the runtime dependency policy", () => {
  it("accepts dependencies that are all on the allowlist", () => {
    const lockfile = { packages: { "": {}, "node_modules/next": {}, "node_modules/zod": {} } };
    expect(dependencyProblems({ dependencies: { next: "1", zod: "1" } }, lockfile, allowlist)).toEqual([]);
  });

  it("refuses a runtime dependency that is not on the allowlist, naming it", () => {
    const problems = dependencyProblems({ dependencies: { next: "1", "left-pad": "1" } }, { packages: {} }, allowlist);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("« left-pad »");
  });

  it("refuses a tracking SDK anywhere in the runtime tree, even pulled in by an allowed package", () => {
    const lockfile = {
      packages: {
        "node_modules/next": {},
        "node_modules/next/node_modules/@segment/analytics-node": {},
        "node_modules/posthog-js": {},
        "node_modules/@sentry/browser": {},
      },
    };
    const problems = dependencyProblems({ dependencies: { next: "1" } }, lockfile, allowlist);
    expect(problems.join("\n")).toContain("@segment/analytics-node");
    expect(problems.join("\n")).toContain("posthog-js");
    expect(problems.join("\n")).toContain("@sentry/browser");
  });

  it("leaves development-only packages and look-alike names alone", () => {
    const lockfile = {
      packages: {
        "node_modules/@sentry/cli": { dev: true },
        "node_modules/heapdump-parser": { devOptional: true },
        "node_modules/segmented-control": {},
        "node_modules/clarity-ish": { dev: true },
      },
    };
    expect(dependencyProblems({ dependencies: {} }, lockfile, allowlist)).toEqual([]);
  });
});
