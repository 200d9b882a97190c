// Counts the SQL statements an app server really sends to PostgreSQL: a TCP proxy between the
// server and the database that reads the frontend side of the wire protocol (a simple Query is
// one statement, an extended-protocol Execute is one statement, whatever the driver or ORM), with
// a small HTTP endpoint to reset and read the counts. The web benchmarks read it around their
// burst (`--sql-counter`), so "statements per student" is what the server did, not an estimate.
//
//   npx tsx bench/sql-counter.ts [--listen 6544] [--http 6545] [--target 127.0.0.1:5432]
//   DATABASE_URL=postgresql://postgres@127.0.0.1:6544/DB npm run serve     # the app goes through it
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/DB npx tsx --conditions=react-server \
//     bench/onboarding.ts --sql-counter http://127.0.0.1:6545               # the bench does not
//
// Only plain connections are read (no TLS between the server and the proxy: trust or password
// auth on a loopback). Statements of the job queue (schema `pgboss`) are counted apart: they poll
// on their own clock, not per request.
import { createServer as createHttpServer } from "node:http";
import { createServer, connect, type Socket } from "node:net";
import { parseArgs } from "node:util";

export type SqlCounts = {
  statements: number;
  jobQueue: number;
  byKind: Record<string, number>;
  byTable: Record<string, number>;
  texts: Record<string, number>;
};

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

/** The tables a statement names (FROM, JOIN, INTO, UPDATE), lower-case, schema and quotes dropped. */
export function tablesOf(sql: string): string[] {
  const found = new Set<string>();
  for (const match of sql.matchAll(/\b(?:from|join|into|update)\s+((?:"?\w+"?\.)?"?\w+"?)/gi)) {
    const name = match[1]!.replace(/"/g, "").split(".").pop()!.toLowerCase();
    if (!["select", "lateral", "unnest", "jsonb_to_recordset", "json_to_recordset"].includes(name)) found.add(name);
  }
  return [...found];
}

const kindOf = (sql: string) => /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? "?";

export function createCounts(): SqlCounts {
  return { statements: 0, jobQueue: 0, byKind: {}, byTable: {}, texts: {} };
}

function countStatement(counts: SqlCounts, sql: string) {
  if (/\bpgboss\b/.test(sql)) {
    counts.jobQueue += 1;
    return;
  }
  counts.statements += 1;
  const kind = kindOf(sql);
  counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
  for (const table of tablesOf(sql)) counts.byTable[table] = (counts.byTable[table] ?? 0) + 1;
  const text = sql.replace(/\s+/g, " ").trim().slice(0, 160);
  counts.texts[text] = (counts.texts[text] ?? 0) + 1;
}

/** Reads the frontend messages of one connection as they pass and counts the statements. */
function frontendReader(counts: () => SqlCounts) {
  let buffer: Buffer = Buffer.alloc(0);
  let started = false;
  const prepared = new Map<string, string>();
  let unnamed = "";
  const cString = (body: Buffer, offset: number): [string, number] => {
    const end = body.indexOf(0, offset);
    return [body.toString("utf8", offset, end), end + 1];
  };
  return (chunk: Buffer) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) started = true;
        buffer = buffer.subarray(length);
        continue;
      }
      if (buffer.length < 5) return;
      const type = String.fromCharCode(buffer[0]!);
      const length = buffer.readInt32BE(1);
      if (buffer.length < 1 + length) return;
      const body = buffer.subarray(5, 1 + length);
      buffer = buffer.subarray(1 + length);
      if (type === "Q") {
        countStatement(counts(), cString(body, 0)[0]);
      } else if (type === "P") {
        const [name, next] = cString(body, 0);
        const [sql] = cString(body, next);
        if (name) prepared.set(name, sql);
        else unnamed = sql;
      } else if (type === "B") {
        const [, next] = cString(body, 0);
        const [statement] = cString(body, next);
        if (statement) unnamed = prepared.get(statement) ?? unnamed;
      } else if (type === "E") {
        countStatement(counts(), unnamed);
      }
    }
  };
}

export function startSqlCounter(options: { listen: number; http: number; target: { host: string; port: number } }) {
  let counts = createCounts();
  const proxy = createServer((client: Socket) => {
    const server = connect(options.target.port, options.target.host);
    const read = frontendReader(() => counts);
    client.on("data", (chunk: Buffer) => {
      read(chunk);
      server.write(chunk);
    });
    server.pipe(client);
    const close = () => {
      client.destroy();
      server.destroy();
    };
    client.on("error", close);
    server.on("error", close);
    client.on("close", close);
    server.on("close", close);
  });
  proxy.listen(options.listen, "127.0.0.1");
  const http = createHttpServer((request, response) => {
    if (request.method === "POST" && request.url === "/reset") counts = createCounts();
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(counts));
  });
  http.listen(options.http, "127.0.0.1");
  return { close: () => Promise.all([proxy.close(), http.close()]) };
}

/** The bench side: reset before the burst, read after it. */
export async function sqlCounterClient(url: string | undefined) {
  if (!url) return null;
  const base = url.replace(/\/+$/, "");
  return {
    reset: async () => void (await (await fetch(`${base}/reset`, { method: "POST" })).arrayBuffer()),
    read: async () => (await (await fetch(`${base}/counts`)).json()) as SqlCounts,
  };
}

/** Lines for the bench's report: statements per unit of work, then per kind and per table. */
export function describeSqlCounts(counts: SqlCounts, units: number, unitName: string, top = 0): string {
  const per = (value: number) => (value / units).toFixed(1);
  const sorted = (record: Record<string, number>) =>
    Object.entries(record)
      .sort((a, b) => b[1] - a[1])
      .map(([name, value]) => `${name} ×${per(value)}`)
      .join(", ");
  const lines = [
    `Requêtes SQL du serveur : ${counts.statements} en tout, ${per(counts.statements)} par ${unitName} ` +
      `(file de tâches pgboss à part : ${counts.jobQueue})`,
    `  par genre : ${sorted(counts.byKind)}`,
    `  par table : ${sorted(counts.byTable)}`,
  ];
  if (top > 0) {
    for (const [text, value] of Object.entries(counts.texts)
      .sort((a, b) => b[1] - a[1])
      .slice(0, top))
      lines.push(`  ×${per(value)} ${text}`);
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      listen: { type: "string", default: "6544" },
      http: { type: "string", default: "6545" },
      target: { type: "string", default: "127.0.0.1:5432" },
    },
  });
  const [host, port] = values.target.split(":");
  startSqlCounter({
    listen: Number(values.listen),
    http: Number(values.http),
    target: { host: host!, port: Number(port ?? 5432) },
  });
  console.log(
    `Compteur SQL : PostgreSQL ${values.target} servi sur 127.0.0.1:${values.listen}, comptes sur http://127.0.0.1:${values.http}`,
  );
}
