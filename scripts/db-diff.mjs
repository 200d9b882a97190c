// `npm run db:diff`: prints the SQL that takes the database of one Prisma schema to another,
// without a database and without Prisma's native engine (docs/toolchain.md, "Migrations").
//
// Prisma 7's `migrate diff` needs the native schema engine, which cannot be downloaded here
// (binaries.prisma.sh is unreachable) and its CLI no longer drives the wasm engine it ships.
// Prisma 6.19's CLI still does: with `engine: "js"` and a driver adapter in its config it diffs
// two datamodels with its JavaScript (wasm) schema engine, entirely in-process. This script
// installs prisma@6.19.0 once from the npm registry into a cache folder (never into the
// project's dependencies, so its `prisma` binary cannot shadow Prisma 7's), then runs
//   prisma migrate diff --from-schema-datamodel OLD --to-schema-datamodel NEW --script
// The adapter the config names is the project's own @prisma/adapter-pg; it never connects.
//
// Usage:
//   npm run db:diff                                # HEAD's prisma/schema → the working prisma/schema
//   npm run db:diff -- --from-git REV [SCHEMA]     # SCHEMA (default prisma/schema) at REV → working copy
//   npm run db:diff -- --from OLD_SCHEMA [SCHEMA]  # a schema file or folder → SCHEMA
//   npm run db:diff -- --from-empty [SCHEMA]       # an empty database → SCHEMA
// Paste the output into prisma/migrations/<yyyymmddhhmmss>_<name>/migration.sql and read it.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const PRISMA_DIFF_VERSION = "6.19.0";
const repo = path.resolve(import.meta.dirname, "..");
const cache = path.resolve(process.env.DB_DIFF_CACHE ?? path.join(repo, "node_modules", ".cache", "db-diff"));

function usage(message) {
  if (message) console.error(`db:diff: ${message}`);
  console.error("usage: npm run db:diff -- [--from-git REV | --from OLD_SCHEMA | --from-empty] [SCHEMA]");
  process.exit(2);
}

const args = process.argv.slice(2);
let from = { kind: "git", rev: "HEAD" };
let schema = "prisma/schema";
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === "--from-git") from = { kind: "git", rev: args[++i] ?? usage("--from-git needs a revision") };
  else if (arg === "--from") from = { kind: "path", path: args[++i] ?? usage("--from needs a schema path") };
  else if (arg === "--from-empty") from = { kind: "empty" };
  else if (arg === "--help" || arg === "-h") usage();
  else if (arg.startsWith("-")) usage(`unknown option ${arg}`);
  else schema = arg;
}
if (!existsSync(schema)) usage(`no schema at ${schema}`);

function ensurePrisma6() {
  const installed = path.join(cache, "node_modules", "prisma", "package.json");
  if (existsSync(installed) && JSON.parse(readFileSync(installed, "utf8")).version === PRISMA_DIFF_VERSION) return;
  mkdirSync(cache, { recursive: true });
  writeFileSync(path.join(cache, "package.json"), JSON.stringify({ name: "db-diff-cache", private: true }));
  console.error(`db:diff: installing prisma@${PRISMA_DIFF_VERSION} in ${path.relative(repo, cache) || cache} (once)…`);
  // --ignore-scripts: prisma's preinstall and @prisma/engines' engine download are not needed
  // (and the download cannot succeed here).
  const npm = spawnSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--save-exact", `prisma@${PRISMA_DIFF_VERSION}`],
    {
      cwd: cache,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  if (npm.status !== 0) {
    console.error(`db:diff: could not install prisma@${PRISMA_DIFF_VERSION} in ${cache}`);
    process.exit(1);
  }
}

// Copies a schema (file or folder) and gives its datasource the `url` line Prisma 6 requires
// (Prisma 7 keeps the URL in prisma.config.ts instead).
function prepare(source, target) {
  mkdirSync(target, { recursive: true });
  if (statSync(source).isDirectory()) cpSync(source, target, { recursive: true });
  else cpSync(source, path.join(target, "schema.prisma"));
  for (const name of readdirSync(target, { recursive: true })) {
    const file = path.join(target, String(name));
    if (!file.endsWith(".prisma")) continue;
    const text = readFileSync(file, "utf8")
      .replace(/^\s*url\s*=.*\n/gm, "")
      .replace(/^(\s*provider\s*=\s*"postgresql".*)$/m, '$1\n  url      = env("DATABASE_URL")');
    writeFileSync(file, text);
  }
}

function schemaAtRevision(rev, relative, target) {
  const type = spawnSync("git", ["cat-file", "-t", `${rev}:${relative}`], { cwd: repo, encoding: "utf8" });
  if (type.status !== 0) return false; // the schema did not exist at that revision: diff from empty
  const out = path.join(target, "src");
  mkdirSync(out, { recursive: true });
  if (type.stdout.trim() === "tree") {
    const tar = execFileSync("git", ["archive", rev, relative], { cwd: repo, maxBuffer: 64 * 1024 * 1024 });
    execFileSync("tar", ["-x", "-C", out], { input: tar });
    return path.join(out, relative);
  }
  const file = path.join(out, "schema.prisma");
  writeFileSync(file, execFileSync("git", ["show", `${rev}:${relative}`], { cwd: repo, maxBuffer: 64 * 1024 * 1024 }));
  return file;
}

// The wasm engine insists on a reachable database even when it only diffs two datamodels (it
// checks the connection first; it reads and writes nothing). An in-memory PGlite served on a
// loopback port (the project's embedded database, docs/decisions/002) is enough, so no server
// is needed.
async function startScratchDatabase() {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = await PGlite.create("memory://");
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 8 });
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop().catch(() => {});
      await db.close().catch(() => {});
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function run(command, commandArgs, options) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

ensurePrisma6();
const work = mkdtempSync(path.join(tmpdir(), "db-diff-"));
try {
  prepare(path.resolve(schema), path.join(work, "new"));
  const diffArgs = ["migrate", "diff"];
  if (from.kind === "git") {
    const relative = path.relative(repo, path.resolve(schema)).split(path.sep).join("/");
    const old = schemaAtRevision(from.rev, relative, path.join(work, "old-git"));
    if (old) {
      prepare(old, path.join(work, "old"));
      diffArgs.push("--from-schema-datamodel", path.join(work, "old"));
    } else diffArgs.push("--from-empty");
  } else if (from.kind === "path") {
    if (!existsSync(from.path)) usage(`no schema at ${from.path}`);
    prepare(path.resolve(from.path), path.join(work, "old"));
    diffArgs.push("--from-schema-datamodel", path.join(work, "old"));
  } else diffArgs.push("--from-empty");
  diffArgs.push("--to-schema-datamodel", path.join(work, "new"), "--script");

  const adapter = pathToFileURL(path.join(repo, "node_modules", "@prisma", "adapter-pg", "dist", "index.mjs")).href;
  writeFileSync(
    path.join(work, "prisma.config.ts"),
    [
      'import { defineConfig } from "prisma/config";',
      `import { PrismaPg } from ${JSON.stringify(adapter)};`,
      "export default defineConfig({",
      "  experimental: { adapter: true },",
      '  engine: "js",',
      "  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL! }),",
      "});",
      "",
    ].join("\n"),
  );
  symlinkSync(path.join(cache, "node_modules"), path.join(work, "node_modules"));
  const noEngine = path.join(work, ".no-engine");
  writeFileSync(noEngine, "");
  const database = await startScratchDatabase();
  const result = await run(path.join(cache, "node_modules", ".bin", "prisma"), diffArgs, {
    cwd: work,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PRISMA_SCHEMA_ENGINE_BINARY: noEngine,
      PRISMA_QUERY_ENGINE_LIBRARY: noEngine,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  }).finally(database.stop);
  if (result.status !== 0) {
    process.stderr.write(
      result.stderr
        .split("\n")
        .filter((line) => !line.startsWith("Loaded Prisma config"))
        .join("\n"),
    );
    process.exit(1);
  }
  process.stdout.write(result.stdout);
} finally {
  rmSync(work, { recursive: true, force: true });
}
