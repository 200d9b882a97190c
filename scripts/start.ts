// `npm start [-- --demo]`: build, prepare the database (DATABASE_URL or the embedded one under
// .data/), load the parcours content, then serve the app on http://localhost:3000. The demo
// (school, accounts with a published password, SIECLE sample, campaigns) is seeded on the
// embedded database, or on DATABASE_URL only with --demo — and never with NODE_ENV=production.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";

import {
  assertDemoAllowed,
  DEMO_ADMIN,
  DEMO_MEMBER,
  DEMO_SCHOOL,
  DemoRefusedError,
  wantsDemo,
} from "../prisma/demo-accounts";
import { dataHostingRefusal } from "../src/lib/data-hosting";
import { MigrationError } from "../src/lib/migrations";
import { prepareDatabase } from "../src/lib/prepare-database";

const port = Number(process.env.PORT ?? 3000);
// The app it serves runs in production: refuse before building, migrating or seeding anything.
const hostingRefusal = dataHostingRefusal({
  nodeEnv: "production",
  databaseUrl: process.env.DATABASE_URL,
  allowlist: process.env.DATA_HOSTING_ALLOWLIST,
});
if (hostingRefusal) {
  console.error(`Erreur : ${hostingRefusal}`);
  process.exit(1);
}
// Read before prepareDatabase, which points DATABASE_URL at the embedded database.
const demo = wantsDemo(process.argv.slice(2));
process.env.APP_BASE_URL ??= `http://localhost:${port}`;
process.env.NEXT_TELEMETRY_DISABLED = "1";
// Without SMTP, e-mails (activation, invitations, password reset) land in the local outbox:
// its page /dev/outbox must then be reachable for the demo to work.
if (!process.env.SMTP_URL) process.env.ENABLE_DEV_PAGES ??= "1";
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const tsxCli = path.resolve("node_modules/tsx/dist/cli.mjs");
// Loopback only unless told otherwise: the local demo has demo passwords and a local outbox.
const host = process.env.HOST ?? "127.0.0.1";
const children: ChildProcess[] = [];

/** Local secrets for the embedded setup, generated once and kept out of the repository. */
function ensureLocalSecrets(): void {
  const file = path.resolve(".data/secrets.json");
  mkdirSync(path.dirname(file), { recursive: true });
  const secrets = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>) : {};
  secrets.SESSION_SECRET ??= randomBytes(32).toString("base64url");
  secrets.GAR_CLIENT_SECRET ??= randomBytes(24).toString("base64url");
  secrets.OUTBOX_ACCESS_KEY ??= randomBytes(24).toString("base64url");
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  for (const [key, value] of Object.entries(secrets)) process.env[key] ??= value;
}

/**
 * The SAML SP's local key pair (GAR_PROTOCOL=saml), generated once under .data/ unless
 * GAR_SAML_SP_KEY / GAR_SAML_SP_CERT are set. Never committed: .data/ is ignored.
 */
async function ensureLocalSamlKeyPair(): Promise<void> {
  if (process.env.GAR_SAML_SP_KEY && process.env.GAR_SAML_SP_CERT) return;
  const keyFile = path.resolve(".data/saml-sp-key.pem");
  const certFile = path.resolve(".data/saml-sp-cert.pem");
  if (!existsSync(keyFile) || !existsSync(certFile)) {
    const { generateSamlKeyPair } = await import("../tests/gar/saml");
    const pair = await generateSamlKeyPair("pix-saml-sp-local");
    writeFileSync(keyFile, pair.key, { mode: 0o600 });
    writeFileSync(certFile, pair.cert, { mode: 0o644 });
  }
  process.env.GAR_SAML_SP_KEY ??= readFileSync(keyFile, "utf8");
  process.env.GAR_SAML_SP_CERT ??= readFileSync(certFile, "utf8");
}

function run(label: string, args: string[]): void {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`Échec : ${label}`);
    process.exit(result.status ?? 1);
  }
}

function assertPortFree(portToCheck: number, what: string): Promise<void> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => {
      console.error(
        `Le port ${portToCheck} (${what}) est déjà utilisé. Arrêtez l'autre processus ou choisissez un autre port (PORT=…, GAR_STAND_IN_PORT=…).`,
      );
      process.exit(1);
    });
    probe.listen(portToCheck, () => probe.close(() => resolve()));
  });
}

async function main() {
  if (demo) {
    try {
      assertDemoAllowed();
    } catch (error) {
      console.error((error as DemoRefusedError).message);
      process.exit(1);
    }
  }
  await assertPortFree(port, "application");
  if (process.env.GAR_STAND_IN !== "0")
    await assertPortFree(Number(process.env.GAR_STAND_IN_PORT ?? 4000), "ENT démo / GAR");
  ensureLocalSecrets();
  if (process.env.GAR_PROTOCOL === "saml") await ensureLocalSamlKeyPair();
  // The subscription web service stand-in (mutual TLS): a test PKI generated at each start, in
  // memory only; the app is pointed at it unless a real GAR_WS_URL is configured.
  const wsPort = Number(process.env.GAR_STAND_IN_WS_PORT ?? 4443);
  let wsPki: import("../tests/gar/tls").SubscriptionTestPki | null = null;
  if (process.env.GAR_STAND_IN !== "0" && !process.env.GAR_WS_URL) {
    await assertPortFree(wsPort, "web service d'abonnement GAR");
    const { generateSubscriptionTestPki } = await import("../tests/gar/tls");
    const { DEFAULT_DISTRIBUTOR_ID } = await import("../tests/gar/subscription-service");
    wsPki = await generateSubscriptionTestPki();
    process.env.GAR_WS_URL = `https://localhost:${wsPort}/abonnements`;
    process.env.GAR_WS_CERT = wsPki.client.cert;
    process.env.GAR_WS_KEY = wsPki.client.key;
    process.env.GAR_WS_CA = wsPki.ca.cert;
    process.env.GAR_DISTRIBUTOR_ID ??= DEFAULT_DISTRIBUTOR_ID;
  }
  console.log("▶ Base de données");
  const { embedded, description } = await prepareDatabase({ log: (line) => console.log(`  ${line}`) });
  console.log(`  ${description}`);
  const { prisma } = await import("../src/lib/db");
  let campaigns: { code: string; division: string | null }[] = [];
  if (demo) {
    const { seed } = await import("../prisma/seed");
    await seed(prisma, (line) => console.log(`  ${line}`));
    campaigns = await prisma.campaign.findMany({
      where: { school: { uai: DEMO_SCHOOL.uai }, archivedAt: null },
      select: { code: true, division: true },
      orderBy: { division: "asc" },
    });
  } else {
    // A real database: the content only, so that campaigns can be created; no demo accounts.
    const { loadContentVersion } = await import("../src/features/parcours/mutations");
    const content = await loadContentVersion(prisma);
    console.log(
      `  contenu : version ${content.version.slice(0, 12)} (${content.status === "LOADED" ? "chargée" : "déjà chargée"})`,
    );
  }

  // The GAR/ENT stand-in (development only): unless told to use a real GAR, students of the demo
  // sign in through it, exactly as they would through the GAR.
  let entUrl: string | null = null;
  let stopGar = async () => {};
  if (process.env.GAR_STAND_IN !== "0") {
    const { startGarStandIn } = await import("../tests/gar/stand-in");
    const { startSubscriptionService, SubscriptionStore } = await import("../tests/gar/subscription-service");
    let subscriptions: InstanceType<typeof SubscriptionStore> | undefined;
    let stopWs = async () => {};
    if (wsPki) {
      subscriptions = new SubscriptionStore();
      const service = await startSubscriptionService({
        pki: wsPki,
        store: subscriptions,
        distributorId: process.env.GAR_DISTRIBUTOR_ID ?? "",
        resourceId: process.env.GAR_RESOURCE_ID ?? "ark:/99999/pix-demo",
        port: wsPort,
      });
      stopWs = () => service.close();
    }
    const garPort = Number(process.env.GAR_STAND_IN_PORT ?? 4000);
    process.env.GAR_ISSUER ??= `http://localhost:${garPort}`;
    const standIn = await startGarStandIn({
      port: garPort,
      appBaseUrl: process.env.APP_BASE_URL,
      clientSecret: process.env.GAR_CLIENT_SECRET,
      spCert: process.env.GAR_SAML_SP_CERT,
      subscriptions,
    });
    process.env.GAR_SAML_IDP_METADATA ??= standIn.samlMetadataUrl;
    entUrl = standIn.entUrl;
    stopGar = async () => {
      await standIn.close();
      await stopWs();
    };
    if (wsPki) {
      // Every activated school (the demo's too) gets its subscription, as `gar:subscriptions --sync` does.
      const { reconcileSubscriptions, subscriptionDepsFromEnv } =
        await import("../src/features/gar-subscriptions/mutations");
      const deps = subscriptionDepsFromEnv();
      if (deps) {
        const reports = await reconcileSubscriptions(deps);
        console.log(
          `  abonnements GAR : ${reports.filter((report) => report.outcome !== "FAILED").length} à jour sur ${reports.length}`,
        );
      }
    }
  }

  if (process.env.SKIP_BUILD !== "1") run("Construction de l'application (next build)", [nextBin, "build"]);

  const stop = async () => {
    for (const child of children) child.kill("SIGTERM");
    await stopGar();
    await embedded?.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  const app = spawn(process.execPath, [tsxCli, "scripts/serve.ts", "--port", String(port), "--host", host], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  children.push(app);
  app.on("exit", (code) => {
    console.error(`Le serveur s'est arrêté (code ${code}).`);
    void stop();
  });

  console.log(`
────────────────────────────────────────────────────────────
 Pix (élèves)      ${process.env.APP_BASE_URL}/
 Pix Orga          ${process.env.APP_BASE_URL}/orga
 Santé             ${process.env.APP_BASE_URL}/api/health
 Écoute sur        ${host}:${port}${host === "127.0.0.1" ? " (cette machine seulement ; HOST=0.0.0.0 pour l'ouvrir au réseau)" : ""}
${process.env.SMTP_URL ? "" : ` E-mails (boîte locale) ${process.env.APP_BASE_URL}/dev/outbox?cle=${process.env.OUTBOX_ACCESS_KEY}\n`}
 Base de données   ${description}
${entUrl ? ` ENT démo (GAR)    ${entUrl} (${process.env.GAR_PROTOCOL === "saml" ? "SAML 2.0" : "OpenID Connect"})\n` : ""}
${
  demo
    ? ` Établissement de démonstration : ${DEMO_SCHOOL.name} (UAI ${DEMO_SCHOOL.uai})
 Administrateur : ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}
 Membre         : ${DEMO_MEMBER.email} / ${DEMO_MEMBER.password}
 Campagnes (code par classe) : ${campaigns.map((c) => `${c.division ?? "—"} ${c.code}`).join(" · ")}`
    : ` Pas de données de démonstration (DATABASE_URL sans --demo). Créer un établissement :
   npm run cli -- school:create --uai … --name "…" --email …`
}
────────────────────────────────────────────────────────────`);
}

main().catch((error) => {
  console.error(error instanceof MigrationError ? `Erreur : ${error.message}` : error);
  process.exit(1);
});
