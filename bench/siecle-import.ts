// Benchmark of the SIECLE import (a script, not a test):
//   npx tsx --conditions=react-server bench/siecle-import.ts [--sizes 2500,18000]
// against DATABASE_URL, else the embedded database.
//
// For each size it generates a realistic ISO-8859-15 `ElevesSansAdresses.xml` (names with
// accents and œ, previous-year block, options, one D and one G structure, a few left pupils and
// missing INEs) and its zip, then measures in fresh child processes, so that each peak RSS is
// that process's own:
// - parse only (decode + parse + validate from the file on disk, no database), XML and zip;
// - the operator command line: one whole process per import, exactly as `npm run cli --
//   siecle:import` runs it (`node`, the `cli` script's flags, dist/cli.mjs): first import, re-import
//   of the same file, re-import with churn (10 % leave, 10 % arrive, 5 % change class); each
//   process's wall time, CPU time and peak RSS as the kernel counted them (GNU time);
// - the app: one process with Prisma's client loaded and warmed up, as in the server, then the
//   same three imports in a row through `importSiecleFile` (the path of the upload route),
//   with that process's RSS before the first import and its peak.
// The bench school is removed afterwards.
import { spawnSync } from "node:child_process";
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import { fileURLToPath, pathToFileURL } from "node:url";
import iconv from "iconv-lite";

const FIRST_NAMES = [
  "Maëlys",
  "Chloé",
  "Noé",
  "Inès",
  "Zoé",
  "Léo",
  "Timéo",
  "Anaïs",
  "Côme",
  "Éloïse",
  "Jules",
  "Lucas",
  "Chlœ",
  "Raphaël",
  "Loïc",
  "Ambre",
  "Mathéo",
  "Léna",
  "Gaëtan",
  "Aïcha",
];
const LAST_NAMES = [
  "BERTHELOT",
  "CŒURDEROY",
  "MÜLLER",
  "N'DIAYE-ROUX",
  "DA SILVA",
  "LEMAIRE",
  "PETIT",
  "BONNET",
  "FRANÇOIS",
  "LE GALL",
  "MOREAU",
  "GARCÍA",
  "ŒHMICHEN",
  "DUPONT--MARTIN",
  "LEFÈVRE",
];
const LEVELS = ["6E", "5E", "4E", "3E", "2NDE", "1ERE", "TERM"];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * One school's export. Churn: the first `replaced` learners are swapped for newcomers and the
 * next `moved` change class.
 */
export function generateSiecleXml(
  count: number,
  options: { firstNewId?: number; replaced?: number; moved?: number } = {},
): Buffer {
  const students: string[] = [];
  const structures: string[] = [];
  const optionsBlock: string[] = [];
  const replaced = options.replaced ?? 0;
  for (let i = 0; i < count; i++) {
    const n = i < replaced ? (options.firstNewId ?? 1_000_000) + i : i;
    const id = 700_000 + n;
    const left = n % 37 === 5;
    const noIne = n % 101 === 7;
    const isMoved = i >= replaced && i < replaced + (options.moved ?? 0);
    const division = `${pick(LEVELS, n)} ${1 + ((n + (isMoved ? 1 : 0)) % 12)}`;
    const born = `${pad(1 + (n % 28), 2)}/${pad(1 + (n % 12), 2)}/${2008 + (n % 8)}`;
    students.push(
      `<ELEVE ELEVE_ID="${id}" ELENOET="${10_000 + n}">` +
        `<ID_NATIONAL>${noIne ? "" : `${pad(n, 10)}${String.fromCharCode(65 + (n % 26))}`}</ID_NATIONAL>` +
        `<NOM_DE_FAMILLE>${pick(LAST_NAMES, n * 7)}</NOM_DE_FAMILLE><NOM_USAGE>${n % 5 === 0 ? pick(LAST_NAMES, n * 3) : ""}</NOM_USAGE>` +
        `<PRENOM>${pick(FIRST_NAMES, n)}</PRENOM><PRENOM2>${n % 3 === 0 ? pick(FIRST_NAMES, n * 11) : ""}</PRENOM2><PRENOM3></PRENOM3>` +
        `<DATE_NAISS>${born}</DATE_NAISS><CODE_SEXE>${1 + (n % 2)}</CODE_SEXE>` +
        (n % 9 === 0
          ? `<CODE_PAYS>132</CODE_PAYS><VILLE_NAISS>LONDRES</VILLE_NAISS>`
          : `<CODE_PAYS>100</CODE_PAYS><CODE_DEPARTEMENT_NAISS>069</CODE_DEPARTEMENT_NAISS><CODE_COMMUNE_INSEE_NAISS>69123</CODE_COMMUNE_INSEE_NAISS>`) +
        `<CODE_MEF>10310019110</CODE_MEF><CODE_STATUT>ST</CODE_STATUT>` +
        `<DATE_ENTREE>02/09/2024</DATE_ENTREE><DATE_SORTIE>${left ? "15/03/2026" : ""}</DATE_SORTIE>` +
        `<SCOLARITE_AN_DERNIER><CODE_MEF>10210019110</CODE_MEF><CODE_STRUCTURE>${division}</CODE_STRUCTURE><CODE_RNE>0999002L</CODE_RNE>` +
        `<SIGLE>CLG</SIGLE><DENOM_PRINC>COLLEGE</DENOM_PRINC></SCOLARITE_AN_DERNIER>` +
        `</ELEVE>`,
    );
    optionsBlock.push(
      `<OPTION ELEVE_ID="${id}" ELENOET="${10_000 + n}"><OPTIONS_ELEVE><NUM_OPTION>1</NUM_OPTION><CODE_MATIERE>030201</CODE_MATIERE></OPTIONS_ELEVE></OPTION>`,
    );
    structures.push(
      `<STRUCTURES_ELEVE ELEVE_ID="${id}" ELENOET="${10_000 + n}">` +
        `<STRUCTURE><CODE_STRUCTURE>${division}</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>` +
        `<STRUCTURE><CODE_STRUCTURE>${pick(LEVELS, n)}ALL${1 + (n % 3)}</CODE_STRUCTURE><TYPE_STRUCTURE>G</TYPE_STRUCTURE></STRUCTURE>` +
        `</STRUCTURES_ELEVE>`,
    );
  }
  const xml =
    `<?xml version="1.0" encoding="ISO-8859-15"?>\n<BEE_ELEVES VERSION="2.1">\n` +
    `<PARAMETRES><UAJ>${BENCH_UAI}</UAJ><ANNEE_SCOLAIRE>2026</ANNEE_SCOLAIRE><DATE_EXPORT>15/09/2026</DATE_EXPORT><HORODATAGE>15/09/2026 10:02:11</HORODATAGE></PARAMETRES>\n` +
    `<DONNEES>\n<ELEVES>\n${students.join("\n")}\n</ELEVES>\n<OPTIONS>\n${optionsBlock.join("\n")}\n</OPTIONS>\n` +
    `<STRUCTURES>\n${structures.join("\n")}\n</STRUCTURES>\n</DONNEES>\n</BEE_ELEVES>\n`;
  return iconv.encode(xml, "iso-8859-15");
}

const BENCH_UAI = "0990999B";
/** GNU time (Debian: `apt-get install -y time`): the kernel's figures for a finished process. */
const TIME_BIN = process.env.TIME_BIN ?? "/usr/bin/time";
const ms = (start: number) => Math.round(performance.now() - start);
const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const rssMB = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
const stream = (filePath: string) => createReadStream(filePath, { highWaterMark: 64 * 1024 });

type Row = Record<string, number | string>;

/** Decode + parse + validate only, from the file on disk, in a process that never touches a database. */
async function measureParse(filePath: string): Promise<Row> {
  const { readRegisterStream } = await import("../src/features/siecle-import/domain/read-register");
  const before = rssMB();
  const start = performance.now();
  const parsed = await readRegisterStream(stream(filePath), { expectedUai: BENCH_UAI });
  const parseMs = ms(start);
  if (parsed.errors.length > 0) throw new Error(`generated file invalid: ${parsed.errors[0]?.code}`);
  return { parseMs, imported: parsed.learners.length, parseRssBeforeMB: before, parsePeakRssMB: peakRssMB() };
}

/**
 * The floor under any import of this file: decode + parse + validate, then one COPY of the
 * validated learners into a temporary table with no index — no planning, no upsert, no lock. The
 * CLI's figures are printed as multiples of it, measured in the same run on the same database.
 */
async function measureLimit(filePath: string): Promise<Row> {
  const { readRegisterStream } = await import("../src/features/siecle-import/domain/read-register");
  const { default: pg } = await import("pg");
  const { from: copyFrom } = await import("pg-copy-streams");
  const { pipeline } = await import("node:stream/promises");
  const { Readable } = await import("node:stream");
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { IMPORTED_FIELDS } = await import("../src/features/siecle-import/domain/plan-import");
    // The columns an import writes: the identifiers and the fields it owns (one list, plan-import.ts).
    const fields = ["nationalStudentId", "siecleStudentId", ...IMPORTED_FIELDS] as const;
    await client.query(`CREATE TEMP TABLE bench_limit (${fields.map((f) => `"${f}" text`).join(", ")})`);
    const start = performance.now();
    const parsed = await readRegisterStream(stream(filePath), { expectedUai: BENCH_UAI });
    const escape = (value: string | null) =>
      value === null ? "\\N" : value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n");
    const lines = parsed.learners.map((learner) => `${fields.map((field) => escape(learner[field])).join("\t")}\n`);
    // In chunks of 500 lines, as the import writes them: one socket write per chunk.
    const chunks = Array.from({ length: Math.ceil(lines.length / 500) }, (_, index) =>
      lines.slice(index * 500, index * 500 + 500).join(""),
    );
    await pipeline(Readable.from(chunks), client.query(copyFrom(`COPY bench_limit FROM STDIN`)));
    return { limitMs: ms(start), copied: parsed.learners.length };
  } finally {
    await client.end();
  }
}

/**
 * One operator command as a whole process, exactly as `npm run cli -- siecle:import --uai … FILE`
 * runs it: plain `node` with the script's flags on the built dist/cli.mjs (`npm run build:cli`).
 * Wall time, CPU (user + system) and peak RSS come from the kernel's accounting of the finished
 * process (GNU time), so they include Node's start-up and the loading of the bundle.
 */
function wholeCli(filePath: string, nodeFlags: string[]): Row {
  const run = spawnSync(
    TIME_BIN,
    [
      "-f",
      "%e %U %S %M",
      process.execPath,
      ...nodeFlags,
      "dist/cli.mjs",
      "siecle:import",
      "--uai",
      BENCH_UAI,
      filePath,
    ],
    { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "warn" }, maxBuffer: 1 << 20 },
  );
  const [wall, user, system, maxKb] = run.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    process.exit(run.status ?? 1);
  }
  const outcome = JSON.parse(run.stdout) as { status: string; created: number; updated: number; disabled: number };
  if (outcome.status !== "IMPORTED") throw new Error(`CLI import failed: ${run.stdout}`);
  return {
    cliMs: Math.round(wall! * 1000),
    cliCpuMs: Math.round((user! + system!) * 1000),
    cliPeakRssMB: Math.round(maxKb! / 1024),
    outcome: `+${outcome.created} ~${outcome.updated} -${outcome.disabled}`,
  };
}

/** The app's path: Prisma loaded and used first (as in the server), then three imports in a row. */
async function measureApp(filePath: string, churnedPath: string): Promise<Row> {
  const { prepareDatabase } = await import("../src/lib/prepare-database");
  const { embedded } = await prepareDatabase({ migrate: false });
  const { prisma, disconnectPrisma } = await import("../src/lib/db");
  const { importSiecleFile } = await import("../src/features/siecle-import/mutations");
  const school = await prisma.school.findFirstOrThrow({ where: { uai: BENCH_UAI, archivedAt: null } });
  // What a running app has already paid before any import: Node, tsx, Prisma's client, the pool.
  await prisma.learner.count({ where: { schoolId: school.id } });
  await prisma.siecleImport.findMany({ where: { schoolId: school.id }, take: 5 });
  // Prisma keeps compiling its query engine (wasm) in the background for a moment after its
  // first queries; a running app is long past that, so let it settle before the baseline.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const baseline = rssMB();
  const run = async (file: string) => {
    const t = performance.now();
    const outcome = await importSiecleFile({
      schoolId: school.id,
      actorUserId: null,
      fileName: "bench.xml",
      bytes: stream(file),
      dryRun: false,
    });
    if (outcome.status !== "IMPORTED") throw new Error(outcome.errors[0]?.message);
    return { ms: ms(t), outcome };
  };
  try {
    const first = await run(filePath);
    const same = await run(filePath);
    const churn = await run(churnedPath);
    const peak = peakRssMB();
    return {
      firstImportMs: first.ms,
      reimportMs: same.ms,
      churnImportMs: churn.ms,
      churn: `+${churn.outcome.created} ~${churn.outcome.updated} -${churn.outcome.disabled}`,
      appBaselineRssMB: baseline,
      appPeakRssMB: peak,
      appImportAboveBaselineMB: peak - baseline,
    };
  } finally {
    await disconnectPrisma();
    await embedded?.stop();
  }
}

/** The Node flags `npm run cli` gives the CLI process (between `node` and dist/cli.mjs in package.json). */
function cliNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    scripts: Record<string, string>;
  };
  const words = pkg.scripts.cli!.split(/\s+/);
  return words.slice(words.indexOf("tsx") + 1).filter((word) => word.startsWith("--"));
}

function child(args: string[], nodeFlags: string[] = []): Row {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, [...nodeFlags, ...process.execArgv, self, "--child", ...args], {
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "warn" },
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    process.exit(run.status ?? 1);
  }
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as Row;
}

/** The bench school, empty and vacuumed (dead rows of a previous run would slow the inserts down). */
async function freshSchool(): Promise<string> {
  const { prepareDatabase } = await import("../src/lib/prepare-database");
  const { description } = await prepareDatabase();
  const { prisma } = await import("../src/lib/db");
  await prisma.school.deleteMany({ where: { uai: BENCH_UAI } });
  await prisma.$executeRawUnsafe("VACUUM ANALYZE learners");
  await prisma.school.create({ data: { uai: BENCH_UAI, name: "Lycée du banc d'essai" } });
  return description;
}

async function removeSchool(): Promise<void> {
  const { prisma, disconnectPrisma } = await import("../src/lib/db");
  await prisma.school.deleteMany({ where: { uai: BENCH_UAI } });
  await disconnectPrisma();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  if (args[0] === "--child") {
    const [, mode, file, churned] = args;
    const row =
      mode === "parse"
        ? await measureParse(file!)
        : mode === "limit"
          ? await measureLimit(file!)
          : await measureApp(file!, churned!);
    process.stdout.write(`${JSON.stringify(row)}\n`);
  } else {
    const sizesArg = args.indexOf("--sizes");
    const sizes = sizesArg >= 0 ? args[sizesArg + 1]!.split(",").map(Number) : [2500, 18000];
    const dir = mkdtempSync(path.join(tmpdir(), "siecle-bench-"));
    const cliFlags = cliNodeFlags();
    // With the embedded database, this process serves it and the children connect to it: their
    // figures never include PGlite.
    const { prepareDatabase } = await import("../src/lib/prepare-database");
    const { embedded } = await prepareDatabase();
    const times: Row[] = [];
    const memory: Row[] = [];
    let database = "";
    try {
      for (const size of sizes) {
        const xml = generateSiecleXml(size);
        const xmlPath = path.join(dir, `eleves-${size}.xml`);
        const zipPath = path.join(dir, `eleves-${size}.zip`);
        const churnPath = path.join(dir, `eleves-${size}-churn.xml`);
        writeFileSync(xmlPath, xml);
        writeFileSync(zipPath, zipSync({ "ElevesSansAdresses.xml": new Uint8Array(xml) }));
        writeFileSync(
          churnPath,
          generateSiecleXml(size, { replaced: Math.round(size / 10), moved: Math.round(size / 20) }),
        );
        const parse = child(["parse", xmlPath]);
        const parseZip = child(["parse", zipPath]);
        database = await freshSchool();
        const limit = child(["limit", xmlPath]);
        const cli = [xmlPath, xmlPath, churnPath].map((file) => wholeCli(file, cliFlags));
        await freshSchool();
        const app = child(["app", xmlPath, churnPath]);
        times.push({
          learners: size,
          xmlMB: +(xml.length / 1024 / 1024).toFixed(1),
          zipMB: +(statSync(zipPath).size / 1024 / 1024).toFixed(2),
          imported: parse.imported!,
          parseXmlMs: parse.parseMs!,
          parseZipMs: parseZip.parseMs!,
          appFirstMs: app.firstImportMs!,
          appReimportMs: app.reimportMs!,
          appChurnMs: app.churnImportMs!,
          churn: app.churn!,
          cliFirstMs: cli[0]!.cliMs!,
          cliFirstCpuMs: cli[0]!.cliCpuMs!,
          cliReimportMs: cli[1]!.cliMs!,
          cliChurnMs: cli[2]!.cliMs!,
          limitMs: limit.limitMs!,
          "cliFirstCpu÷limit": +(Number(cli[0]!.cliCpuMs) / Number(limit.limitMs)).toFixed(2),
          "cliFirst÷limit": +(Number(cli[0]!.cliMs) / Number(limit.limitMs)).toFixed(2),
          "appFirst÷limit": +(Number(app.firstImportMs) / Number(limit.limitMs)).toFixed(2),
        });
        memory.push({
          learners: size,
          parsePeakRssMB: Math.max(Number(parse.parsePeakRssMB), Number(parseZip.parsePeakRssMB)),
          cliFirstPeakRssMB: cli[0]!.cliPeakRssMB!,
          cliReimportPeakRssMB: cli[1]!.cliPeakRssMB!,
          cliChurnPeakRssMB: cli[2]!.cliPeakRssMB!,
          appBaselineRssMB: app.appBaselineRssMB!,
          appPeakRssMB: app.appPeakRssMB!,
          appImportAboveBaselineMB: app.appImportAboveBaselineMB!,
        });
      }
    } finally {
      await removeSchool();
      await embedded?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(
      "Durées (ms) — app : un processus, Prisma chargé ; cli : `node dist/cli.mjs` entier, un processus par import " +
        "(démarrage de Node compris ; cliFirstCpuMs : temps CPU utilisateur + système du processus)",
    );
    console.table(times);
    console.log(
      "limitMs : décodage + analyse + validation puis un COPY dans une table temporaire sans index, mesuré dans ce même passage ;" +
        " les colonnes ÷limit en sont les multiples.",
    );
    console.log(`Mémoire (Mo, RSS) — cli : drapeaux Node ${cliFlags.join(" ")}`);
    console.table(memory);
    console.log(`Base de données : ${database}`);
  }
}
