// Runtime dependencies are a data-protection matter (minors; the Ministry is the controller): a
// new one must be added to scripts/runtime-dependencies.json with its reason, and nothing in the
// installed runtime tree may be an analytics, advertising, tracking or error-reporting SDK.
// Part of `npm run lint`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Names of packages that exist to send what users do to a third party. Matched on each name segment. */
const TRACKING = new RegExp(
  "(^|[-/@._])(" +
    [
      "analytics",
      "gtag",
      "google-tag-manager",
      "segment",
      "mixpanel",
      "amplitude",
      "posthog",
      "hotjar",
      "matomo",
      "piwik",
      "plausible",
      "umami",
      "fullstory",
      "logrocket",
      "smartlook",
      "clarity",
      "heap",
      "intercom",
      "hubspot",
      "sentry",
      "bugsnag",
      "datadog",
      "newrelic",
      "rollbar",
      "facebook-pixel",
      "tiktok-pixel",
    ].join("|") +
    ")($|[-/._])",
  "i",
);

type Manifest = { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
type Lockfile = { packages?: Record<string, { dev?: boolean; devOptional?: boolean }> };
type Allowlist = { allowed: Record<string, string> };

/** What breaks the policy, in French, one line each; empty when all is well. */
export function dependencyProblems(manifest: Manifest, lockfile: Lockfile, allowlist: Allowlist): string[] {
  const problems: string[] = [];
  const runtime = { ...manifest.dependencies, ...manifest.optionalDependencies };
  for (const name of Object.keys(runtime)) {
    if (!Object.hasOwn(allowlist.allowed, name)) {
      problems.push(
        `Dépendance d'exécution « ${name} » absente de scripts/runtime-dependencies.json : ajoutez-la avec la raison qui la rend nécessaire.`,
      );
    }
  }
  for (const [where, entry] of Object.entries(lockfile.packages ?? {})) {
    if (!where.startsWith("node_modules/") || entry.dev || entry.devOptional) continue;
    const name = where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length);
    if (TRACKING.test(name)) {
      problems.push(
        `« ${name} » (${where}) ressemble à un outil de mesure d'audience, de suivi ou de remontée d'erreurs : interdit dans l'application (données de mineurs).`,
      );
    }
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const read = <T>(file: string) => JSON.parse(readFileSync(path.join(root, file), "utf8")) as T;
  const problems = dependencyProblems(
    read<Manifest>("package.json"),
    read<Lockfile>("package-lock.json"),
    read<Allowlist>("scripts/runtime-dependencies.json"),
  );
  for (const problem of problems) console.error(problem);
  process.exit(problems.length === 0 ? 0 : 1);
}
