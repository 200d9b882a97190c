// Operator command line: `npm run cli -- <command> [options]`. Each command is one entry of
// `commands`; add a command by adding an entry. Results go to stdout as JSON (one object per
// run), messages for people to stderr.
//
// Exit codes: 0 done (or dry run), 1 refused (validation errors, conflict), 2 usage error
// (bad options, unknown UAI, unreadable file), 3 could not run (busy, unexpected failure).
//
// `npm run cli` starts Node with `--max-semi-space-size=4` (package.json): V8's new space (two
// semi-spaces) then stays at 8 MB instead of growing to 32 MB while a 20 MB SIECLE file is
// parsed, which keeps the import process 15 to 25 MB smaller with no measurable cost in time
// (README, "SIECLE import: command line and benchmark").
import { type FileHandle, open, stat } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { parseArgs, type ParseArgsConfig } from "node:util";

import { checkCliBuild, type CliBuild } from "./cli-build";

// pg (lib/stream.js) probes for Cloudflare Workers when it loads: without a `navigator` global,
// which Node defines only from version 21, it builds a fetch `Response`, and that loads undici
// (~35 ms of CPU, a tenth of a small SIECLE import's own work). Node 21's global, defined here
// for Node 20; nothing else the CLI loads reads it (Prisma's runtime also only compares the
// user agent with "Cloudflare-Workers").
if (!("navigator" in globalThis)) {
  Object.defineProperty(globalThis, "navigator", {
    value: { userAgent: `Node.js/${process.versions.node.split(".")[0]}` },
    configurable: true,
  });
}

export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void };

type Command = {
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run: (
    parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] },
    io: CliIo,
  ) => Promise<number>;
};

export const EXIT = { ok: 0, refused: 1, usage: 2, failed: 3 } as const;

class UsageError extends Error {}

const usageError = (message: string): never => {
  throw new UsageError(message);
};

const text = (value: string | boolean | undefined): string | undefined =>
  typeof value === "string" ? value : undefined;

/**
 * Loaded after the database is chosen: the pool reads DATABASE_URL when first used. Closing goes
 * through `@/lib/pg-pool`, which disconnects Prisma if a command used it without loading it
 * otherwise (siecle:import never does: its process stays free of Prisma's client).
 */
async function withDatabase<T>(io: CliIo, fn: () => Promise<T>): Promise<T> {
  const { prepareDatabase } = await import("../src/lib/prepare-database");
  const { embedded } = await prepareDatabase({ log: (line) => io.stderr(line) });
  try {
    return await fn();
  } finally {
    const { closeDatabase } = await import("../src/lib/pg-pool");
    await closeDatabase();
    await embedded?.stop();
  }
}

async function findActiveSchoolByUai(uai: string): Promise<{ id: number } | null> {
  // Scripts sit outside src/features; reading one school by UAI needs no feature logic.
  const { pgPool } = await import("../src/lib/pg-pool");
  const { rows } = await pgPool().query<{ id: number }>(
    "SELECT id FROM schools WHERE uai = $1 AND archived_at IS NULL LIMIT 1",
    [uai],
  );
  return rows[0] ?? null;
}

/**
 * Opens the file to import, or says why it cannot be read. The import then streams it: a 20 MB
 * XML is parsed as it is read, never held whole, and reading stops just past the size limit.
 */
async function openForImport(filePath: string): Promise<FileHandle> {
  try {
    const info = await stat(filePath);
    if (!info.isFile()) usageError(`« ${filePath} » n'est pas un fichier.`);
    return await open(filePath, "r");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return usageError(
      `Impossible de lire le fichier « ${filePath} » (${(error as NodeJS.ErrnoException).code ?? "erreur"}).`,
    );
  }
}

export const commands: Record<string, Command> = {
  "school:create": {
    usage: 'school:create --uai 0999001W --name "Collège …" [--email ce.0999001w@ac-….fr]',
    options: { uai: { type: "string" }, name: { type: "string" }, email: { type: "string" } },
    async run({ values }, io) {
      const uai = text(values.uai) ?? usageError("--uai est obligatoire.");
      const name = text(values.name) ?? usageError("--name est obligatoire.");
      const { isWellFormedUai, normalizeUai } = await import("../src/features/schools/domain/uai");
      if (!isWellFormedUai(normalizeUai(uai)))
        usageError(`UAI mal formé : « ${uai} » (7 chiffres suivis d'une lettre).`);
      return withDatabase(io, async () => {
        const { createSchool } = await import("../src/features/schools/mutations");
        const school = await createSchool({ uai, name, officialEmail: text(values.email) ?? null });
        io.stdout(`${JSON.stringify({ status: "CREATED", ...school })}\n`);
        io.stderr(`Établissement créé : ${school.name} (${school.uai}), id ${school.id}.`);
        return EXIT.ok;
      });
    },
  },

  "content:load": {
    usage: "content:load",
    options: {},
    async run({ positionals }, io) {
      if (positionals.length > 0) usageError("content:load ne prend aucun argument.");
      return withDatabase(io, async () => {
        // Validates content/ (a broken file is refused before anything is written), then writes
        // only what differs and records the version in the same transaction.
        const { loadContentVersion } = await import("../src/features/parcours/mutations");
        const { status, version, previousVersion, loadedAt, summary } = await loadContentVersion();
        io.stdout(
          `${JSON.stringify({ status, version, previousVersion, loadedAt: loadedAt.toISOString(), ...summary })}\n`,
        );
        io.stderr(
          status === "UNCHANGED"
            ? `Contenu déjà à jour : version ${version.slice(0, 12)}, chargée le ${loadedAt.toISOString()} ; rien n'a été écrit.`
            : `Contenu chargé : version ${version.slice(0, 12)}${previousVersion && previousVersion !== version ? ` (remplace ${previousVersion.slice(0, 12)})` : ""} — ` +
                `${summary.challengesCreated} question(s) créée(s), ${summary.challengesUpdated} modifiée(s), ${summary.challengesRemoved} retirée(s), ` +
                `${summary.parcoursWritten} parcours écrit(s), ${summary.parcoursArchived} archivé(s).`,
        );
        return EXIT.ok;
      });
    },
  },

  "siecle:import": {
    usage: "siecle:import --uai 0999001W [--dry-run] FICHIER",
    options: { uai: { type: "string" }, "dry-run": { type: "boolean" } },
    async run({ values, positionals }, io) {
      const rawUai = text(values.uai) ?? usageError("--uai est obligatoire.");
      if (positionals.length !== 1) usageError("Indiquez exactement un fichier à importer.");
      const filePath = positionals[0]!;
      const { isWellFormedUai, normalizeUai } = await import("../src/features/schools/domain/uai");
      const uai = normalizeUai(rawUai);
      if (!isWellFormedUai(uai)) usageError(`UAI mal formé : « ${rawUai} » (7 chiffres suivis d'une lettre).`);
      const file = await openForImport(filePath);
      try {
        return await withDatabase(io, async () => {
          const school =
            (await findActiveSchoolByUai(uai)) ?? usageError(`Aucun établissement actif n'a l'UAI ${uai}.`);
          const { importSiecleFile } = await import("../src/features/siecle-import/mutations");
          const path = await import("node:path");
          const outcome = await importSiecleFile({
            schoolId: school.id,
            actorUserId: null,
            fileName: path.basename(filePath),
            bytes: file.createReadStream({ highWaterMark: 64 * 1024 }),
            dryRun: values["dry-run"] === true,
          });
          const { status, created, updated, disabled, skipped, divisions, errors } = outcome;
          io.stdout(`${JSON.stringify({ status, created, updated, disabled, skipped, divisions, errors })}\n`);
          for (const error of errors) io.stderr(`  - ${error.message}`);
          return status === "VALIDATION_ERROR" ? EXIT.refused : EXIT.ok;
        });
      } finally {
        await file.close();
      }
    },
  },

  "learner:export": {
    usage: "learner:export --uai 0999001W --ine 1234567890A",
    options: { uai: { type: "string" }, ine: { type: "string" } },
    async run({ values, positionals }, io) {
      if (positionals.length > 0) usageError("learner:export ne prend aucun argument.");
      const { uai, ine } = await learnerOptions(values);
      return withDatabase(io, async () => {
        const { schoolId, learnerId } = await findLearner(uai, ine);
        const { exportLearnerData } = await import("../src/features/privacy/mutations");
        const exported = await exportLearnerData({ schoolId, learnerId, actor: "operator" });
        io.stdout(`${JSON.stringify(exported, null, 2)}\n`);
        io.stderr(
          `Export de l'élève ${learnerId} : ${Object.keys(exported.tables).length} tables (entrée d'audit écrite).`,
        );
        return EXIT.ok;
      });
    },
  },

  "learner:erase": {
    usage: "learner:erase --uai 0999001W --ine 1234567890A --confirm",
    options: { uai: { type: "string" }, ine: { type: "string" }, confirm: { type: "boolean" } },
    async run({ values, positionals }, io) {
      if (positionals.length > 0) usageError("learner:erase ne prend aucun argument.");
      const { uai, ine } = await learnerOptions(values);
      if (values.confirm !== true)
        usageError("L'effacement est irréversible : relancez la commande avec --confirm pour l'exécuter.");
      return withDatabase(io, async () => {
        const { schoolId, learnerId } = await findLearner(uai, ine);
        const { eraseLearner } = await import("../src/features/privacy/mutations");
        const outcome = await eraseLearner({ schoolId, learnerId, actor: "operator" });
        io.stdout(`${JSON.stringify({ status: "ERASED", ...outcome })}\n`);
        io.stderr(
          `Élève ${learnerId} effacé${outcome.accountErased ? ", compte élève anonymisé" : ""} (entrée d'audit écrite).`,
        );
        return EXIT.ok;
      });
    },
  },
  housekeeping: {
    usage: "housekeeping [--now 2027-06-30T00:00:00Z]",
    options: { now: { type: "string" } },
    async run({ values, positionals }, io) {
      if (positionals.length > 0) usageError("housekeeping ne prend aucun argument.");
      const rawNow = text(values.now);
      const now = rawNow === undefined ? new Date() : new Date(rawNow);
      if (Number.isNaN(now.getTime()) || (rawNow !== undefined && !/^\d{4}-\d{2}-\d{2}T/.test(rawNow)))
        usageError(`--now attend une date ISO 8601 (ex. 2027-06-30T00:00:00Z), pas « ${rawNow} ».`);
      return withDatabase(io, async () => {
        const { runRetention } = await import("../src/features/privacy/retention/mutations");
        const { operatorSchoolId } = await import("../src/lib/operator");
        const counts = await runRetention(now, operatorSchoolId);
        io.stdout(`${JSON.stringify({ now: now.toISOString(), ...counts })}\n`);
        io.stderr("Règles de conservation appliquées (nombres par règle ci-dessus).");
        return EXIT.ok;
      });
    },
  },
  "school:offboard": {
    usage: "school:offboard --uai 0999001W --confirm | --cancel",
    options: { uai: { type: "string" }, confirm: { type: "boolean" }, cancel: { type: "boolean" } },
    async run({ values, positionals }, io) {
      if (positionals.length > 0) usageError("school:offboard ne prend aucun argument.");
      const rawUai = text(values.uai) ?? usageError("--uai est obligatoire.");
      const { isWellFormedUai, normalizeUai } = await import("../src/features/schools/domain/uai");
      const uai = normalizeUai(rawUai);
      if (!isWellFormedUai(uai)) usageError(`UAI mal formé : « ${rawUai} » (7 chiffres suivis d'une lettre).`);
      if (values.cancel === true && values.confirm === true) usageError("--confirm et --cancel s'excluent.");
      if (values.cancel !== true && values.confirm !== true)
        usageError(
          "Toutes les données personnelles de l'établissement seront effacées 3 mois après la demande : relancez avec --confirm (ou --cancel pour annuler une demande).",
        );
      return withDatabase(io, async () => {
        const school = (await findActiveSchoolByUai(uai)) ?? usageError(`Aucun établissement actif n'a l'UAI ${uai}.`);
        const { operatorSchoolId } = await import("../src/lib/operator");
        const schoolId = operatorSchoolId(school.id);
        const offboarding = await import("../src/features/privacy/offboarding/mutations");
        if (values.cancel === true) {
          await offboarding.cancelSchoolOffboarding({ schoolId, actor: "operator" });
          io.stdout(`${JSON.stringify({ status: "CANCELLED", schoolId })}\n`);
          io.stderr(`Départ de l'établissement ${uai} annulé : ses données sont conservées.`);
          return EXIT.ok;
        }
        const state = await offboarding.requestSchoolOffboarding({ schoolId, actor: "operator" });
        io.stdout(
          `${JSON.stringify({ status: "REQUESTED", schoolId, requestedAt: state.requestedAt.toISOString(), eraseAfter: state.eraseAfter.toISOString() })}\n`,
        );
        io.stderr(
          `Départ de l'établissement ${uai} enregistré : ses données personnelles seront effacées après le ${state.eraseAfter.toISOString().slice(0, 10)} (annulable d'ici là avec --cancel).`,
        );
        return EXIT.ok;
      });
    },
  },

  "gar:subscriptions": {
    usage: "gar:subscriptions [--uai 0999001W] [--sync]",
    options: { uai: { type: "string" }, sync: { type: "boolean" } },
    async run({ values, positionals }, io) {
      if (positionals.length > 0) usageError("gar:subscriptions ne prend aucun argument.");
      const rawUai = text(values.uai);
      let uai: string | undefined;
      if (rawUai !== undefined) {
        const { isWellFormedUai, normalizeUai } = await import("../src/features/schools/domain/uai");
        uai = normalizeUai(rawUai);
        if (!isWellFormedUai(uai)) usageError(`UAI mal formé : « ${rawUai} » (7 chiffres suivis d'une lettre).`);
      }
      return withDatabase(io, async () => {
        const { listSubscriptionStatesForOperator } = await import("../src/features/gar-subscriptions/data");
        let synced: unknown[] | null = null;
        let failed = 0;
        if (values.sync === true) {
          const { reconcileSubscriptions, subscriptionDepsFromEnv } =
            await import("../src/features/gar-subscriptions/mutations");
          const deps = subscriptionDepsFromEnv();
          if (!deps) {
            io.stdout(`${JSON.stringify({ status: "NOT_CONFIGURED", schools: [] })}\n`);
            io.stderr("GAR_WS_URL n'est pas défini : Pix ne gère pas les abonnements GAR (README, abonnements GAR).");
            return EXIT.usage;
          }
          try {
            const reports = await reconcileSubscriptions(deps, new Date(), { uai });
            failed = reports.filter((report) => report.outcome === "FAILED").length;
            synced = reports;
          } finally {
            // A failed call was handed to the job queue (its retry): close the queue's client.
            const { stopJobs } = await import("../src/lib/jobs");
            await stopJobs();
          }
        }
        const schools = await listSubscriptionStatesForOperator({ uai });
        if (uai && schools.length === 0) usageError(`Aucun établissement activé n'a l'UAI ${uai}.`);
        io.stdout(
          `${JSON.stringify({ status: synced ? (failed ? "SYNCED_WITH_FAILURES" : "SYNCED") : "LISTED", ...(synced ? { synced } : {}), schools })}\n`,
        );
        io.stderr(
          synced
            ? `${synced.length} établissement(s) rapproché(s) avec le GAR, ${failed} en échec (réessayés plus tard).`
            : `${schools.length} établissement(s).`,
        );
        return failed ? EXIT.failed : EXIT.ok;
      });
    },
  },
};

/** `--uai` and `--ine`, checked and normalised (upper case, as SIECLE gives them). */
async function learnerOptions(values: Record<string, string | boolean | undefined>) {
  const rawUai = text(values.uai) ?? usageError("--uai est obligatoire.");
  const ine = (text(values.ine) ?? usageError("--ine est obligatoire.")).trim().toUpperCase();
  const { isWellFormedUai, normalizeUai } = await import("../src/features/schools/domain/uai");
  const uai = normalizeUai(rawUai);
  if (!isWellFormedUai(uai)) usageError(`UAI mal formé : « ${rawUai} » (7 chiffres suivis d'une lettre).`);
  if (!/^[0-9A-Z]{11}$/.test(ine)) usageError("INE mal formé (11 caractères, chiffres et lettres).");
  return { uai, ine };
}

/** The learner of an active school by INE (not erased), or a usage error (exit 2). */
async function findLearner(uai: string, ine: string) {
  const school = (await findActiveSchoolByUai(uai)) ?? usageError(`Aucun établissement actif n'a l'UAI ${uai}.`);
  const { operatorSchoolId } = await import("../src/lib/operator");
  const schoolId = operatorSchoolId(school.id);
  const { findLearnerIdByIne } = await import("../src/features/privacy/data");
  // The INE is not repeated: the operator typed it, and messages may end up in shared logs.
  const learnerId =
    (await findLearnerIdByIne(schoolId, ine)) ?? usageError(`Aucun élève de l'établissement ${uai} n'a cet INE.`);
  return { schoolId, learnerId };
}

function helpText(): string {
  return [
    "Usage : npm run cli -- <commande> [options]",
    "",
    "Commandes :",
    ...Object.values(commands).map((c) => `  ${c.usage}`),
  ].join("\n");
}

/** Runs one command line; never exits the process (tests call it directly). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    io.stderr(name ? `Commande inconnue : ${name}\n\n${helpText()}` : helpText());
    return EXIT.usage;
  }
  try {
    const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run(
      parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] },
      io,
    );
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`${(error as Error).message}\nUsage : npm run cli -- ${command.usage}`);
      return EXIT.usage;
    }
    const { isDomainError } = await import("../src/lib/errors");
    if (isDomainError(error)) {
      const { errorMessages } = await import("../src/messages/fr/errors");
      io.stderr(error.userMessage ?? errorMessages[error.code]);
      return error.code === "BUSY" ? EXIT.failed : error.code === "NOT_FOUND" ? EXIT.usage : EXIT.refused;
    }
    io.stderr(`Échec inattendu : ${(error as Error).message}`);
    return EXIT.failed;
  }
}

/** Set by scripts/build-cli.ts in dist/cli.mjs; undefined when run from the sources (tests, tsx). */
declare const __CLI_BUILD__: CliBuild | undefined;

if (typeof __CLI_BUILD__ !== "undefined" && !(await isFreshBuild(__CLI_BUILD__))) {
  process.stderr.write(
    "dist/cli.mjs a été construit à partir d'autres sources que celles-ci : reconstruisez-le avec `npm run build:cli`.\n",
  );
  process.exit(EXIT.failed);
}

async function isFreshBuild(build: CliBuild): Promise<boolean> {
  const { readFileSync } = await import("node:fs");
  const read = (source: string) => {
    try {
      return readFileSync(source);
    } catch {
      return null;
    }
  };
  return checkCliBuild(build, read).status !== "STALE";
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // stdout carries the one JSON result and nothing else: every other write to it (our logger,
  // Prisma's, PGlite's, console.log) is sent to stderr.
  const writeResult = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  const code = await runCli(process.argv.slice(2), {
    stdout: (out) => writeResult(out),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
  process.exitCode = code;
}
