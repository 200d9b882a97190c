// `npm test`: every test layer, in order — type check, unit (no database), integration (real
// PostgreSQL), end-to-end (production build in headless Chromium). Stops at the first failure.
import { spawnSync } from "node:child_process";

const env = { ...process.env, TZ: "Europe/Paris", NEXT_TELEMETRY_DISABLED: "1" };
const steps = [
  ["Vérification des types", ["node_modules/typescript/bin/tsc", "--noEmit"]],
  ["Structure du code (vocabulaire des features, CODE_STYLE.md)", ["scripts/check-structure.mjs"]],
  // `npm run lint`, step by step (ADR 010): layers and cycles, format, dead code, runtime
  // dependencies, secrets.
  ["Lint : couches et cycles (ESLint)", ["node_modules/eslint/bin/eslint.js", "."]],
  ["Lint : format (Prettier)", ["node_modules/prettier/bin/prettier.cjs", "--check", ".", "--log-level", "warn"]],
  ["Lint : code mort (knip)", ["node_modules/knip/bin/knip.js"]],
  [
    "Lint : dépendances d'exécution (liste autorisée)",
    ["node_modules/tsx/dist/cli.mjs", "scripts/check-dependencies.ts"],
  ],
  ["Lint : secrets (secretlint)", ["node_modules/secretlint/bin/secretlint.js", "**/*"]],
  ["Tests unitaires", ["node_modules/vitest/vitest.mjs", "run", "--project", "unit"]],
  ["Tests d'intégration (PostgreSQL)", ["node_modules/vitest/vitest.mjs", "run", "--project", "integration"]],
  ["Tests de bout en bout (Playwright)", ["node_modules/tsx/dist/cli.mjs", "tests/e2e/run.ts"]],
];

for (const [label, args] of steps) {
  console.log(`\n━━━ ${label} ━━━`);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  console.log(
    `━━━ ${label} : ${result.status === 0 ? "OK" : "ÉCHEC"} (${Math.round((Date.now() - started) / 1000)} s)`,
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
