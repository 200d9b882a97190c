// `npm run serve` (on a built app): WEB_CONCURRENCY app workers (default: one per core), each the
// production server of scripts/serve.ts on its own loopback port, behind HAProxy (Debian's
// package), configured from deploy/haproxy.cfg: round-robin, health checks on /api/health,
// X-Forwarded-For set by the proxy and trusted from it only, compression done once by the proxy.
// With one worker, the app serves directly, as `npm start` does. Workers are stateless: sessions,
// throttles, pending sign-ins, locks and jobs live in PostgreSQL (docs/decisions/004).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { dataHostingRefusal } from "../src/lib/data-hosting";
import { freePort } from "../src/lib/embedded-postgres";
import { renderHaproxyConfig, WorkerCountError, workerCount, workerName } from "./load-balancer";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
// Debian puts it in /usr/sbin, which is not on every user's PATH.
const haproxyBin =
  process.env.HAPROXY_BIN ??
  (spawnSync("haproxy", ["-v"]).error && existsSync("/usr/sbin/haproxy") ? "/usr/sbin/haproxy" : "haproxy");
const tsxCli = path.resolve("node_modules/tsx/dist/cli.mjs");
const HEALTH_TIMEOUT_MS = 120_000;

function fail(message: string): never {
  console.error(`Erreur : ${message}`);
  process.exit(1);
}

// Once, here, rather than in each worker the cluster would restart in a loop.
const hostingRefusal = dataHostingRefusal({
  nodeEnv: "production",
  databaseUrl: process.env.DATABASE_URL,
  allowlist: process.env.DATA_HOSTING_ALLOWLIST,
});
if (hostingRefusal) fail(hostingRefusal);

let workers: number;
try {
  workers = workerCount(process.env.WEB_CONCURRENCY, os.availableParallelism());
} catch (error) {
  if (error instanceof WorkerCountError) fail(error.message);
  throw error;
}

if (workers === 1) {
  // One process: the production server itself, with nothing in front.
  const { serve } = await import("./serve");
  const { url } = await serve({ port, host });
  console.log(`Pix à l'écoute sur ${url} (1 processus ; adresse publique : ${process.env.APP_BASE_URL ?? url})`);
} else {
  await serveBehindLoadBalancer(workers);
}

async function serveBehindLoadBalancer(count: number): Promise<void> {
  const probe = spawnSync(haproxyBin, ["-v"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    fail(
      `HAProxy est introuvable (${haproxyBin}). Installez-le (Debian : apt-get install -y haproxy), indiquez son ` +
        `chemin dans HAPROXY_BIN, ou servez un seul processus avec WEB_CONCURRENCY=1.`,
    );
  }
  const appBaseUrl = process.env.APP_BASE_URL ?? `http://localhost:${port}`;
  const workerPorts: number[] = [];
  for (let index = 0; index < count; index += 1) workerPorts.push(await freePort());

  const configDir = mkdtempSync(path.join(os.tmpdir(), "pix-haproxy-"));
  const children = new Set<ChildProcess>();
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill("SIGTERM");
    rmSync(configDir, { recursive: true, force: true });
    setTimeout(() => process.exit(code), 500).unref();
  };
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));

  const startWorker = (index: number): void => {
    const child = spawn(
      process.execPath,
      [tsxCli, "scripts/serve.ts", "--port", String(workerPorts[index]), "--host", "127.0.0.1"],
      {
        stdio: ["ignore", "inherit", "inherit"],
        env: {
          ...process.env,
          APP_BASE_URL: appBaseUrl,
          // The only client a worker has is the proxy on the loopback; it says who is behind it.
          TRUSTED_PROXIES: "127.0.0.1",
          PIX_BEHIND_COMPRESSING_PROXY: "1",
        },
      },
    );
    children.add(child);
    child.once("exit", (code, signal) => {
      children.delete(child);
      if (stopping) return;
      // A crashed worker is started again; HAProxy's health check keeps it out until it answers.
      console.error(`Le processus ${workerName(index)} s'est arrêté (${signal ?? code}) : redémarrage.`);
      setTimeout(() => startWorker(index), 1000).unref();
    });
  };
  workerPorts.forEach((_, index) => startWorker(index));
  await Promise.all(workerPorts.map((workerPort) => waitForHealth(workerPort))).catch((error: unknown) => {
    stop(1);
    fail((error as Error).message);
  });

  const configFile = path.join(configDir, "haproxy.cfg");
  writeFileSync(
    configFile,
    renderHaproxyConfig(readFileSync("deploy/haproxy.cfg", "utf8"), {
      host,
      port,
      workerPorts,
      instanceHeader: process.env.PIX_LB_INSTANCE_HEADER === "1",
    }),
  );
  const check = spawnSync(haproxyBin, ["-c", "-q", "-f", configFile], { encoding: "utf8" });
  if (check.status !== 0) {
    stop(1);
    fail(`configuration HAProxy refusée :\n${check.stderr}${check.stdout}`);
  }
  const proxy = spawn(haproxyBin, ["-db", "-f", configFile], { stdio: ["ignore", "inherit", "inherit"] });
  children.add(proxy);
  proxy.once("exit", (code, signal) => {
    children.delete(proxy);
    if (stopping) return;
    console.error(`HAProxy s'est arrêté (${signal ?? code}).`);
    stop(1);
  });
  await waitForHealth(port, host).catch((error: unknown) => {
    stop(1);
    fail((error as Error).message);
  });
  console.log(
    `Pix à l'écoute sur http://${host.includes(":") ? `[${host}]` : host}:${port} ` +
      `(${count} processus derrière HAProxy ; adresse publique : ${appBaseUrl})`,
  );
}

async function waitForHealth(targetPort: number, targetHost = "127.0.0.1"): Promise<void> {
  const url = `http://${targetHost.includes(":") ? `[${targetHost}]` : targetHost}:${targetPort}/api/health`;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} ne répond pas après ${HEALTH_TIMEOUT_MS / 1000} s.`);
}
