import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * The embedded default database: PostgreSQL compiled to wasm (PGlite), data under `.data/`, served
 * on a loopback port through pglite-socket so that the app, the seed and the CLI all talk plain
 * PostgreSQL through the same driver (`pg` + `@prisma/adapter-pg`). One process owns the data
 * directory; others find it through `.data/pglite.json`. See docs/decisions/002-embedded-database.md.
 */
export type EmbeddedPostgres = { url: string; owned: boolean; stop: () => Promise<void> };

const DEFAULT_PORT = 54329;

export function embeddedDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DATA_DIR ?? ".data/pglite");
}

function stateFile(dataDir: string): string {
  return path.join(path.dirname(dataDir), `${path.basename(dataDir)}.json`);
}

function urlFor(port: number): string {
  return `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function findRunning(dataDir: string): Promise<number | null> {
  const file = stateFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    const state = JSON.parse(readFileSync(file, "utf8")) as { port: number; pid: number };
    if (isAlive(state.pid) && (await canConnect(state.port))) return state.port;
  } catch {
    // A corrupt state file is treated as "not running".
  }
  return null;
}

/** Connects to the embedded database another process serves, or starts serving it here. */
export async function ensureEmbeddedPostgres(
  options: { dataDir?: string; port?: number } = {},
): Promise<EmbeddedPostgres> {
  const dataDir = options.dataDir ?? embeddedDataDir();
  const running = await findRunning(dataDir);
  if (running !== null) return { url: urlFor(running), owned: false, stop: async () => {} };

  mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = await PGlite.create(dataDir);
  const preferred = options.port ?? Number(process.env.PGLITE_PORT ?? DEFAULT_PORT);
  const port = preferred === 0 || (await canConnect(preferred)) ? await freePort() : preferred;
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 64 });
  await server.start();
  const file = stateFile(dataDir);
  writeFileSync(file, JSON.stringify({ port, pid: process.pid }));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop().catch(() => {});
    await db.close().catch(() => {});
    try {
      const state = JSON.parse(readFileSync(file, "utf8")) as { pid: number };
      if (state.pid === process.pid) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
  return { url: urlFor(port), owned: true, stop };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
