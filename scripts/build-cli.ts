// Builds the operator CLI once into dist/cli.mjs (run by `npm install` after Prisma's client is
// generated, and by `npm run build:cli`), so that `npm run cli` and the `pix-cli` bin start plain
// `node` on one file: no tsx loader, no TypeScript transform at each start (docs/decisions/019).
// Our code is bundled; packages stay in node_modules. The bundle carries a fingerprint of the
// sources it was built from, and refuses to run when they have changed since (see scripts/cli.ts).
import { chmodSync, readFileSync, rmSync } from "node:fs";
import { build, type BuildOptions } from "esbuild";

import { fingerprintSources } from "./cli-build";

const options: BuildOptions = {
  entryPoints: ["scripts/cli.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  // What `tsx --conditions=react-server` gave the CLI: our server-only modules load outside Next.
  conditions: ["react-server"],
  alias: { "server-only": "./tests/support/empty-module.ts" },
  logLevel: "warning",
};

// First pass: which of our files go in. Second: the bundle, with their fingerprint inside.
const { metafile } = await build({ ...options, write: false, metafile: true });
const sources = Object.keys(metafile.inputs)
  .filter((input) => !input.startsWith("node_modules/"))
  .sort();
const { sha256 } = fingerprintSources(sources, (source) => readFileSync(source));
// Split: each command's modules (and the packages they import, Prisma's client among them) load
// when that command runs, not at every start; `siecle:import` never loads Prisma at all.
rmSync("dist/cli-chunks", { recursive: true, force: true });
await build({
  ...options,
  splitting: true,
  outdir: "dist",
  entryNames: "cli",
  chunkNames: "cli-chunks/[name]-[hash]",
  outExtension: { ".js": ".mjs" },
  banner: { js: "#!/usr/bin/env -S node --max-semi-space-size=4" },
  define: { __CLI_BUILD__: JSON.stringify({ sources, sha256 }) },
});
// Runnable as the package's `pix-cli` bin.
chmodSync("dist/cli.mjs", 0o755);
