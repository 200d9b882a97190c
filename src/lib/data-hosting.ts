import { parse } from "pg-connection-string";

/**
 * Where the personal data may live. The Ministry, controller of the GAR processing, requires the
 * data of its pupils to stay with hosts it has accepted (in the EU, with the commitments of the
 * processing agreement): a production server refuses to start when its database is elsewhere,
 * rather than serve one request from it. Pure, so that scripts/serve.ts runs it before anything loads.
 *
 * DATA_HOSTING_ALLOWLIST: host names separated by commas; an entry accepts the host itself and its
 * sub-domains (`hds.example.fr` accepts `db1.hds.example.fr`). A database on the app's own
 * machine (loopback address, Unix socket, or the embedded database) is always accepted: it is
 * hosted wherever the app is.
 */
export function dataHostingRefusal(settings: {
  nodeEnv: string | undefined;
  databaseUrl: string | undefined;
  allowlist: string | undefined;
}): string | null {
  if (settings.nodeEnv !== "production" || !settings.databaseUrl) return null;
  const host = databaseHost(settings.databaseUrl);
  if (host === null) return "DATABASE_URL n'est pas une adresse PostgreSQL lisible : le serveur ne démarre pas.";
  if (isOnThisMachine(host)) return null;
  const allowed = (settings.allowlist ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase().replace(/^\.+/, ""))
    .filter((entry) => entry.length > 0);
  if (allowed.some((entry) => host === entry || host.endsWith(`.${entry}`))) return null;
  return (
    `La base de données (hôte « ${host} ») n'est pas chez un hébergeur autorisé pour les données des élèves : ` +
    "ajoutez cet hôte à DATA_HOSTING_ALLOWLIST (README, « Which database, when ») ou changez DATABASE_URL. Le serveur ne démarre pas."
  );
}

/** The host node-postgres will connect to, read by its own parser (the `host` parameter overrides the URL's). */
function databaseHost(databaseUrl: string): string | null {
  if (!/^postgres(ql)?:\/\//i.test(databaseUrl)) return null;
  try {
    return (parse(databaseUrl).host ?? "").toLowerCase();
  } catch {
    return null;
  }
}

function isOnThisMachine(host: string): boolean {
  return (
    host === "" ||
    host.startsWith("/") ||
    host === "localhost" ||
    host === "::1" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}
