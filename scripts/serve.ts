// The production server: Next's request handler behind a plain Node HTTP server, so that what
// Next cannot do is done once, before any page, action or route runs:
//   - the client's address is read from the socket (X-Forwarded-For only from TRUSTED_PROXIES)
//     and handed to the app in one header the client cannot set (src/lib/client-address.ts);
//   - requests that change state must come from our own origin (src/lib/request-guard.ts);
//   - HSTS when the public origin is https;
//   - it listens on HOST (127.0.0.1 unless told otherwise), never on every interface by default.
// `npm start` and the end-to-end tests run it; `npm run serve` runs it alone on a built app.
import { createServer } from "node:http";
import path from "node:path";

import {
  CLIENT_ADDRESS_HEADER,
  markClientAddressHeaderAsSet,
  parseTrustedProxies,
  resolveClientAddress,
  TrustedProxiesError,
} from "../src/lib/client-address";
import { dataHostingRefusal } from "../src/lib/data-hosting";
import { isAllowedRequestOrigin, strictTransportSecurity } from "../src/lib/request-guard";

const FORBIDDEN_ORIGIN_PAGE =
  '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Requête refusée</title></head>' +
  "<body><main><h1>Requête refusée</h1><p>Cette action doit être envoyée depuis une page de Pix. " +
  'Rechargez la page puis réessayez.</p><p><a href="/">Retour à l’accueil</a></p></main></body></html>';

export type ServeOptions = { port: number; host: string; dir?: string; dev?: boolean };

export class DataHostingError extends Error {}

export async function serve(options: ServeOptions): Promise<{ close: () => Promise<void>; url: string }> {
  // Before anything loads or connects: a production server never touches a database kept
  // outside the hosts the processing agreement allows (src/lib/data-hosting.ts).
  const refusal = dataHostingRefusal({
    nodeEnv: options.dev ? "development" : "production",
    databaseUrl: process.env.DATABASE_URL,
    allowlist: process.env.DATA_HOSTING_ALLOWLIST,
  });
  if (refusal) throw new DataHostingError(refusal);
  const appBaseUrl = process.env.APP_BASE_URL ?? `http://localhost:${options.port}`;
  const appOrigin = new URL(appBaseUrl).origin;
  const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  const hsts = strictTransportSecurity(appBaseUrl);

  // As `next start` does: a production server never runs with development defaults (dev pages,
  // development secrets), whatever the shell exported.
  if (!options.dev) (process.env as Record<string, string>).NODE_ENV = "production";
  const { default: next } = await import("next");
  const app = next({
    dev: options.dev ?? false,
    dir: options.dir ?? process.cwd(),
    hostname: options.host,
    port: options.port,
  });
  const handle = app.getRequestHandler();
  await app.prepare();
  markClientAddressHeaderAsSet();

  const server = createServer((request, response) => {
    // Whatever the client sent under our header's name is dropped before it is set.
    delete request.headers[CLIENT_ADDRESS_HEADER];
    const forwardedFor = request.headers["x-forwarded-for"];
    request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
      request.socket.remoteAddress,
      Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
      trusted,
    );
    if (hsts) response.setHeader("Strict-Transport-Security", hsts);

    const origin = request.headers.origin;
    if (!isAllowedRequestOrigin({ method: request.method ?? "GET", path: request.url ?? "/", origin }, appOrigin)) {
      response.writeHead(403, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      response.end(FORBIDDEN_ORIGIN_PAGE);
      return;
    }
    void handle(request, response);
  });
  // Sign-in pages and uploads can be slow on a loaded machine; keep Node's defaults otherwise.
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    url: `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${options.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const port = Number(argument("port") ?? process.env.PORT ?? 3000);
  const host = argument("host") ?? process.env.HOST ?? "127.0.0.1";
  serve({ port, host, dev: process.argv.includes("--dev") })
    .then(({ url }) => console.log(`Pix à l'écoute sur ${url} (adresse publique : ${process.env.APP_BASE_URL ?? url})`))
    .catch((error: unknown) => {
      const known = error instanceof TrustedProxiesError || error instanceof DataHostingError;
      console.error(known ? `Erreur : ${error.message}` : error);
      process.exit(1);
    });
}
