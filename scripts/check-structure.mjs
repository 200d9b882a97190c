// Enforces what ESLint cannot say (docs/decisions/010): the fixed file vocabulary of a feature.
// The import boundaries between layers are lint rules (eslint.config.mjs). Exit 1 on a violation.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve("src");
const ALLOWED_FEATURE_FILES = new Set([
  "schema.ts",
  "types.ts",
  "data.ts",
  "mutations.ts",
  "loaders.ts",
  "actions.ts",
  "oidc-client.ts",
  "saml-client.ts",
  "subscription-client.ts", // gar-subscriptions: the web service adapter (docs/decisions/020)
  "inventory.ts", // privacy: the data inventory, pure data (docs/decisions/012)
]);
const ALLOWED_FEATURE_DIRS = new Set(["domain", "components", "__fixtures__"]);
const problems = [];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? [full, ...walk(full)] : [full];
  });
}

const files = walk(root).filter(
  (file) => /\.(ts|tsx)$/.test(file) && !file.includes(`${path.sep}generated${path.sep}`),
);
const rel = (file) => path.relative(root, file).split(path.sep).join("/");

// 1. Feature vocabulary (test files sit beside what they test).
for (const file of files) {
  const r = rel(file);
  const match = r.match(/^features\/[^/]+\/(.*)$/);
  if (!match) continue;
  const parts = match[1].split("/");
  const isTest = /\.test\.ts$/.test(r);
  if (parts.length === 1) {
    const base = parts[0].replace(/\.(integration\.)?test\.ts$/, ".ts");
    if (!ALLOWED_FEATURE_FILES.has(base))
      problems.push(`${r}: not in the feature file vocabulary (${[...ALLOWED_FEATURE_FILES].join(", ")})`);
  } else if (!ALLOWED_FEATURE_DIRS.has(parts[0]) && !isTest) {
    // A sub-concern folder (members/invitations/) follows the same vocabulary.
    const base = parts[parts.length - 1];
    const inSubDomain = parts.length >= 3 && ALLOWED_FEATURE_DIRS.has(parts[parts.length - 2]);
    if (!inSubDomain && !ALLOWED_FEATURE_FILES.has(base)) problems.push(`${r}: not in the feature file vocabulary`);
  }
}

if (problems.length > 0) {
  console.error(
    `Structure : ${problems.length} écart(s) au guide de style :\n${problems.map((p) => `  - ${p}`).join("\n")}`,
  );
  process.exit(1);
}
console.log(`Structure conforme (${files.length} fichiers).`);
