// The layers of the house style, as lint rules (docs/decisions/010-lint-and-layers.md).
// Every message starts with the rule's name in brackets and says why; read the ADR for the rest.
import nextPlugin from "@next/eslint-plugin-next";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";

import * as oxcParser from "./scripts/eslint-oxc-parser.mjs";

/**
 * Features from the bottom up: a feature may import only the features listed before it, so the
 * graph of features has no cycle by construction. To let a feature use another one listed after
 * it, move the shared piece down (into the lower feature, or into parcours / lib), never reorder
 * to make a cycle.
 */
export const FEATURE_ORDER = [
  "parcours", // content, snapshots, the adaptive walk over a snapshot
  "mail",
  "gar-subscriptions", // the school's subscription at the GAR (web service, ADR 020): below members, whose activation creates it
  "classes",
  "members",
  "schools",
  "learners",
  "campaigns",
  "runner",
  "student-accounts",
  "siecle-import",
  "privacy", // the data inventory, a learner's export and erasure (reads every table, ADR 012)
  "readiness", // the Orga home's checklist and the rentrée banner: reads imports, subscriptions, campaigns (ADR 020)
];

/** Node built-ins that do I/O: never in domain/ (node:crypto hashing, node:zlib crc32 are pure). */
const NODE_IO = [
  "fs",
  "fs/promises",
  "net",
  "http",
  "https",
  "http2",
  "child_process",
  "dgram",
  "dns",
  "tls",
  "cluster",
  "worker_threads",
  "os",
  "readline",
  "process",
  "stream",
];

const why = {
  domain:
    "[layer/domain] domain/ holds pure rules, unit-tested without a database, a framework or I/O (CODE_STYLE, ADR 010): pass what it needs as arguments.",
  components:
    "[layer/components] components render; they read through loaders (server components) or call actions, never data.ts, mutations.ts or the database (ADR 010).",
  page: "[layer/routes] pages and layouts compose loaders, actions and components; reads go through a loader that gates the session, writes through an action (ADR 010).",
  route: "[layer/routes] route handlers call loaders and mutations of features, never the database directly (ADR 010).",
  db: "[layer/db] only data.ts and mutations.ts (and src/lib infrastructure) touch the database (ADR 010).",
  pgPool:
    "[layer/pg-pool] the raw pg pool is for src/lib/db.ts and the SIECLE import only (its memory figures, README); everything else goes through Prisma (ADR 010).",
  lib: "[layer/lib] src/lib is infrastructure and never imports features (ADR 010).",
  app: "[layer/app] only src/app imports src/app (ADR 010).",
  gate: "[session-gate] an AuthorizedSchoolId comes from the session gate (readMemberContext in src/lib/session.ts) or, for operator processes, from operatorSchoolId (src/lib/operator.ts); tests get one from tests/factories/session.ts (ADR 010).",
  operator:
    "[session-gate] src/lib/operator.ts is for operator processes (seed, CLI, e2e arrangements); a request gets its school from the session gate (ADR 010).",
  env: "[env] read configuration through env() of src/lib/env.ts, validated once (ADR 010); process.env is read only in the files allowed by eslint.config.mjs, each with its reason.",
};

const patterns = (groups, message) => ({ group: groups, message });

const DB = ["@/lib/db", "@/lib/pg-pool", "@/generated/*", "@prisma/*", "pg"];

export default [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "src/generated/**",
      "test-results/**",
      "playwright-report/**",
      ".data/**",
      "dist/**",
      "next-env.d.ts",
      "public/**",
    ],
  },
  {
    files: ["**/*.{ts,tsx,mts,mjs}"],
    languageOptions: { parser: oxcParser, ecmaVersion: "latest", sourceType: "module" },
    plugins: { "import-x": importX },
    settings: {
      "import-x/parsers": { "./scripts/eslint-oxc-parser.mjs": [".ts", ".tsx", ".mts"] },
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
      "import-x/extensions": [".ts", ".tsx", ".mjs", ".js"],
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "no-debugger": "error",
      "no-var": "error",
      "prefer-const": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-self-import": "error",
      "import-x/no-duplicates": "error",
    },
  },

  // Next's own rules (links, images, scripts, fonts) on the app's source.
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin },
    rules: nextPlugin.configs["core-web-vitals"].rules,
  },

  // ── process.env only in src/lib/env.ts (and the files below, each with its reason) ──
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: [
      "src/lib/env.ts", // the one reader
      "src/lib/pg-pool.ts", // DATABASE_URL is set at run time by prepare-database (embedded DB) after env() may have been read; DATABASE_POOL_MAX is an operator knob of the driver
      "src/lib/prepare-database.ts", // writes DATABASE_URL for the embedded database before the app reads it
      "src/lib/embedded-postgres.ts", // PGLITE_* are read by the start script before any app configuration exists
      "src/lib/logger.ts", // logging must work when the configuration itself is invalid (env() throws)
      "src/lib/db.ts", // DEBUG_SQL, a developer switch read once when the client is built
      "src/instrumentation.ts", // NEXT_RUNTIME is Next's, and DATABASE_URL is checked before the embedded DB exists
      "src/**/*.test.ts", // tests set the environment they run in
    ],
    rules: { "no-restricted-properties": ["error", { object: "process", property: "env", message: why.env }] },
  },

  // ── the school a request may touch comes from the session gate only ──
  {
    files: ["**/*.{ts,tsx}"],
    ignores: ["src/lib/session.ts", "src/lib/operator.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "TSAsExpression[typeAnnotation.typeName.name='AuthorizedSchoolId']", message: why.gate },
        { selector: "TSTypeAssertion[typeAnnotation.typeName.name='AuthorizedSchoolId']", message: why.gate },
      ],
    },
  },
  {
    files: ["src/app/**/*.{ts,tsx}", "src/features/**/*.{ts,tsx}", "src/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "TSAsExpression[typeAnnotation.typeName.name='AuthorizedSchoolId']", message: why.gate },
        { selector: "TSTypeAssertion[typeAnnotation.typeName.name='AuthorizedSchoolId']", message: why.gate },
        { selector: "ImportDeclaration[source.value=/(^|\\/)lib\\/operator$/]", message: why.operator },
      ],
    },
  },

  // ── domain/: pure ──
  {
    files: ["src/features/**/domain/**/*.ts"],
    ignores: ["src/**/*.test.ts", "src/**/__fixtures__/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...NODE_IO.flatMap((name) => [name, `node:${name}`]),
            "@/lib/env",
            "@/lib/db",
            "@/lib/pg-pool",
            "@/lib/session",
            "@/lib/session-store",
            "@/lib/throttle",
            "@/lib/audit",
            "@/lib/logger",
            "@/lib/action",
            "server-only",
            "react",
            "react-dom",
            "pg",
          ].map((name) => ({ name, message: why.domain })),
          patterns: [
            patterns(
              [
                "next",
                "next/*",
                "react/*",
                "@prisma/*",
                "@/generated/*",
                "*/data",
                "*/mutations",
                "*/loaders",
                "*/actions",
                "@/components/*",
              ],
              why.domain,
            ),
          ],
        },
      ],
    },
  },

  // ── components: no data, mutations, database ──
  {
    files: ["src/components/**/*.{ts,tsx}", "src/features/**/components/**/*.{ts,tsx}"],
    ignores: ["src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            patterns(
              ["*/data", "*/mutations", "./data", "../data", "./mutations", "../mutations", ...DB],
              why.components,
            ),
          ],
        },
      ],
    },
  },

  // ── src/app pages and layouts: loaders, actions, components, schema/types/domain, allowed lib helpers ──
  {
    files: ["src/app/**/*.tsx", "src/app/**/page.ts", "src/app/**/layout.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [patterns(["@/features/*/data", "@/features/*/mutations", ...DB, "@/lib/session-store"], why.page)],
        },
      ],
    },
  },
  // ── src/app route handlers: may call a feature's mutations (GAR callback, upload), never the database ──
  {
    files: ["src/app/**/route.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [patterns(["@/features/*/data", ...DB], why.route)] }] },
  },

  // ── the database outside data.ts / mutations.ts ──
  {
    files: ["src/features/**/*.{ts,tsx}"],
    ignores: [
      "src/features/**/data.ts",
      "src/features/**/mutations.ts",
      "src/**/*.test.ts",
      "src/features/**/domain/**",
      "src/features/**/components/**",
    ],
    rules: { "no-restricted-imports": ["error", { patterns: [patterns(DB, why.db)] }] },
  },
  // data.ts / mutations.ts: Prisma yes, the raw pool only for the SIECLE import
  {
    files: ["src/features/**/data.ts", "src/features/**/mutations.ts"],
    ignores: ["src/features/siecle-import/mutations.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [{ name: "@/lib/pg-pool", message: why.pgPool }] }] },
  },

  // ── lib never imports features; nobody outside src/app imports src/app ──
  {
    files: ["src/lib/**/*.{ts,tsx}"],
    ignores: ["src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [], patterns: [patterns(["@/features/*", "@/app/*"], why.lib)] }],
    },
  },
  {
    files: ["src/lib/**/*.{ts,tsx}"],
    // jobs.ts: pg-boss opens its own pool on the same database URL (ADR 013).
    ignores: ["src/lib/db.ts", "src/lib/pg-pool.ts", "src/lib/jobs.ts", "src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/pg-pool", message: why.pgPool }],
          patterns: [patterns(["@/features/*", "@/app/*"], why.lib)],
        },
      ],
    },
  },
  {
    files: ["src/components/**/*.{ts,tsx}", "src/features/**/*.{ts,tsx}", "src/messages/**/*.ts"],
    ignores: ["src/**/*.test.ts"], // tests arrange data through whichever feature owns it
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./src/components",
              from: "./src/features",
              message: "[layer/components] src/components is domain-agnostic and never imports features (ADR 010).",
            },
            { target: ["./src/components", "./src/features", "./src/messages"], from: "./src/app", message: why.app },
            // The feature order: each feature may import only the features before it.
            ...FEATURE_ORDER.slice(0, -1).map((feature, index) => ({
              target: `./src/features/${feature}`,
              from: FEATURE_ORDER.slice(index + 1).map((higher) => `./src/features/${higher}`),
              message: `[feature-order] ${feature} comes before these features in FEATURE_ORDER (eslint.config.mjs, ADR 010): importing one of them would let two features depend on each other. Move the shared piece down into ${feature} or a lower feature.`,
            })),
          ],
        },
      ],
    },
  },
];
