// Benchmark of the SIECLE import (a script, not a test):
//   npx tsx --conditions=react-server bench/siecle-import.ts [--sizes 2500,18000]
// against DATABASE_URL, else the embedded database.
//
// For each size it generates a realistic ISO-8859-15 `ElevesSansAdresses.xml` (names with
// accents and œ, previous-year block, options, one D and one G structure, a few left pupils and
// missing INEs) and its zip, then measures in fresh child processes, so that each peak RSS is
// that step's own:
// - parse only (decode + parse + validate, no database, no Prisma loaded), XML and zip;
// - first import end to end (read + parse + validate + apply), re-import of the same file, and
//   re-import with churn (10 % leave, 10 % arrive, 5 % change class), with the RSS of the process
//   before the first import (Node, tsx, Prisma) and its peak.
// The bench school is removed afterwards.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import { fileURLToPath, pathToFileURL } from "node:url";
import iconv from "iconv-lite";

const FIRST_NAMES = ["Maëlys", "Chloé", "Noé", "Inès", "Zoé", "Léo", "Timéo", "Anaïs", "Côme", "Éloïse", "Jules", "Lucas", "Chlœ", "Raphaël", "Loïc", "Ambre", "Mathéo", "Léna", "Gaëtan", "Aïcha"];
const LAST_NAMES = ["BERTHELOT", "CŒURDEROY", "MÜLLER", "N'DIAYE-ROUX", "DA SILVA", "LEMAIRE", "PETIT", "BONNET", "FRANÇOIS", "LE GALL", "MOREAU", "GARCÍA", "ŒHMICHEN", "DUPONT--MARTIN", "LEFÈVRE"];
const LEVELS = ["6E", "5E", "4E", "3E", "2NDE", "1ERE", "TERM"];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * One school's export. Churn: the first `replaced` learners are swapped for newcomers and the
 * next `moved` change class.
 */
export function generateSiecleXml(count: number, options: { firstNewId?: number; replaced?: number; moved?: number } = {}): Buffer {
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
const ms = (start: number) => Math.round(performance.now() - start);
const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const rssMB = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

type Row = Record<string, number | string>;

/** Decode + parse + validate only, in a process that never loads Prisma. */
async function measureParse(filePath: string): Promise<Row> {
  const { readRegisterFile } = await import("../src/features/siecle-import/domain/read-register");
  const bytes = await readFile(filePath);
  const before = rssMB();
  const start = performance.now();
  const parsed = readRegisterFile(bytes, { expectedUai: BENCH_UAI });
  const parseMs = ms(start);
  if (parsed.errors.length > 0) throw new Error(`generated file invalid: ${parsed.errors[0]?.code}`);
  return { parseMs, imported: parsed.learners.length, parseRssBeforeMB: before, parsePeakRssMB: peakRssMB() };
}

/** First import, same file again, then the churned file: end to end through `importSiecleFile`. */
async function measureImport(filePath: string, churnedPath: string): Promise<Row> {
  const { prepareDatabase } = await import("../src/lib/prepare-database");
  const { embedded, description } = await prepareDatabase();
  const { prisma, disconnectPrisma } = await import("../src/lib/db");
  const { importSiecleFile } = await import("../src/features/siecle-import/mutations");
  const existing = await prisma.school.findFirst({ where: { uai: BENCH_UAI, archivedAt: null } });
  if (existing) await prisma.school.delete({ where: { id: existing.id } });
  const school = await prisma.school.create({ data: { uai: BENCH_UAI, name: "Lycée du banc d'essai" } });
  // What a running app has already paid before any import: Node, tsx, Prisma's client, a pool.
  const baseline = rssMB();
  const run = async (path: string) => {
    const t = performance.now();
    const bytes = await readFile(path);
    const outcome = await importSiecleFile({ schoolId: school.id, actorUserId: null, fileName: "bench.xml", bytes, dryRun: false });
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
      importPeakRssMB: peak,
      importAboveBaselineMB: peak - baseline,
      database: description,
    };
  } finally {
    await prisma.school.delete({ where: { id: school.id } });
    await disconnectPrisma();
    await embedded?.stop();
  }
}

function child(args: string[]): Row {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, [...process.execArgv, self, "--child", ...args], {
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  if (args[0] === "--child") {
    const [, mode, file, churned] = args;
    const row = mode === "parse" ? await measureParse(file!) : await measureImport(file!, churned!);
    process.stdout.write(`${JSON.stringify(row)}\n`);
  } else {
    const sizesArg = args.indexOf("--sizes");
    const sizes = sizesArg >= 0 ? args[sizesArg + 1]!.split(",").map(Number) : [2500, 18000];
    const dir = mkdtempSync(path.join(tmpdir(), "siecle-bench-"));
    const rows: Row[] = [];
    try {
      for (const size of sizes) {
        const xml = generateSiecleXml(size);
        const xmlPath = path.join(dir, `eleves-${size}.xml`);
        const zipPath = path.join(dir, `eleves-${size}.zip`);
        const churnPath = path.join(dir, `eleves-${size}-churn.xml`);
        writeFileSync(xmlPath, xml);
        writeFileSync(zipPath, zipSync({ "ElevesSansAdresses.xml": new Uint8Array(xml) }));
        writeFileSync(churnPath, generateSiecleXml(size, { replaced: Math.round(size / 10), moved: Math.round(size / 20) }));
        const parse = child(["parse", xmlPath]);
        const parseZip = child(["parse", zipPath]);
        const apply = child(["import", xmlPath, churnPath]);
        rows.push({
          learners: size,
          xmlMB: +(xml.length / 1024 / 1024).toFixed(1),
          zipMB: +(statSync(zipPath).size / 1024 / 1024).toFixed(2),
          imported: parse.imported!,
          parseXmlMs: parse.parseMs!,
          parseZipMs: parseZip.parseMs!,
          parsePeakRssMB: Math.max(Number(parse.parsePeakRssMB), Number(parseZip.parsePeakRssMB)),
          ...apply,
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    console.table(rows.map(({ database: _database, ...row }) => row));
    console.log(`Base de données : ${rows[0]?.database}`);
  }
}
