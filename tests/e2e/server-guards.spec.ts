/**
 * What the production server (scripts/serve.ts) does before Next sees a request, tried as an
 * attacker would over real HTTP: forged or missing Origin on state-changing requests, a spoofed
 * X-Forwarded-For or client-address header, the local outbox from another machine. Besides the
 * server Playwright starts, it starts instances of its own with other settings (HOST, TRUSTED_PROXIES,
 * an https public origin) on the same build and database.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { networkInterfaces } from "node:os";

import { freePort } from "../../src/lib/embedded-postgres";
import { OUTBOX_ACCESS_KEY } from "./constants";
import { appBaseUrl, expect, test } from "./fixtures";

type Instance = { url: (host: string) => string; stop: () => Promise<void> };

async function startInstance(options: { host: string; env?: Record<string, string> }): Promise<Instance> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "scripts/serve.ts", "--port", String(port), "--host", options.host],
    {
      env: {
        ...process.env,
        NODE_OPTIONS: "",
        NODE_ENV: "production",
        DATABASE_URL: process.env.E2E_DATABASE_URL,
        APP_BASE_URL: `http://localhost:${port}`,
        SESSION_SECRET: "e2e-session-secret-0123456789-abcdefghijklmnop",
        ENABLE_DEV_PAGES: "1",
        OUTBOX_ACCESS_KEY,
        GAR_CLIENT_SECRET: "unused-here",
        TRUSTED_PROXIES: "",
        ...options.env,
      },
      stdio: "ignore",
    },
  );
  const url = (host: string) => `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      if ((await fetch(`${url("127.0.0.1")}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 120 || child.exitCode !== null) throw new Error("the extra server instance did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** An address of this machine that is not loopback: a request to it arrives from a non-loopback socket address. */
function nonLoopbackAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (!address.internal && address.family === "IPv4") return address.address;
    }
  }
  return null;
}

const raw = (url: string, init: RequestInit = {}) => fetch(url, { redirect: "manual", ...init });

test("state-changing requests need our own Origin: missing or foreign ones are refused before Next", async () => {
  for (const path of [
    "/orga/deconnexion",
    "/gar/deconnexion",
    "/orga/connexion",
    "/orga/eleves/import/televersement?mode=preview",
  ]) {
    const missing = await raw(`${appBaseUrl}${path}`, { method: "POST", headers: { "Next-Action": "0".repeat(40) } });
    expect(missing.status, `${path} without Origin`).toBe(403);
    expect(await missing.text()).toContain("Requête refusée");
    const foreign = await raw(`${appBaseUrl}${path}`, {
      method: "POST",
      headers: { Origin: "http://evil.example", "Next-Action": "0".repeat(40) },
    });
    expect(foreign.status, `${path} from another origin`).toBe(403);
    const lookalike = await raw(`${appBaseUrl}${path}`, {
      method: "POST",
      headers: { Origin: `${appBaseUrl}.evil.example` },
    });
    expect(lookalike.status, `${path} from a look-alike origin`).toBe(403);
  }
  // Our own origin goes through to Next (sign-out answers with a redirect).
  const ours = await raw(`${appBaseUrl}/orga/deconnexion`, {
    method: "POST",
    headers: { Origin: new URL(appBaseUrl).origin },
  });
  expect(ours.status).toBeGreaterThanOrEqual(300);
  expect(ours.status).toBeLessThan(400);
  // Reading stays open to links from anywhere.
  expect((await raw(`${appBaseUrl}/orga/connexion`, { headers: { Origin: "http://evil.example" } })).status).toBe(200);
});

test("the local outbox: loopback only, whatever X-Forwarded-For or our own header claim; locked without the key", async () => {
  // From this machine, a forged X-Forwarded-For does not make us look remote…
  const spoofedRemote = await raw(`${appBaseUrl}/dev/outbox`, {
    headers: { "X-Forwarded-For": "9.9.9.9", "X-Pix-Client-Address": "9.9.9.9" },
  });
  expect(spoofedRemote.status).toBe(200);
  const locked = await spoofedRemote.text();
  expect(locked).toContain("liens personnels");
  expect(locked).not.toContain("/orga/invitations/");
  expect(await (await raw(`${appBaseUrl}/dev/outbox?cle=wrong-${OUTBOX_ACCESS_KEY}`)).text()).toContain(
    "liens personnels",
  );
  expect(await (await raw(`${appBaseUrl}/dev/outbox?cle=${OUTBOX_ACCESS_KEY}`)).text()).not.toContain(
    "liens personnels",
  );

  // …and from another machine nothing makes us look local.
  const external = nonLoopbackAddress();
  test.skip(external === null, "this machine has no non-loopback IPv4 address to connect from");
  const open = await startInstance({ host: "0.0.0.0" });
  try {
    const attempts: Record<string, string>[] = [
      {},
      { "X-Forwarded-For": "127.0.0.1" },
      { "X-Pix-Client-Address": "127.0.0.1" },
    ];
    for (const headers of attempts) {
      const response = await raw(`${open.url(external!)}/dev/outbox?cle=${OUTBOX_ACCESS_KEY}`, { headers });
      expect(response.status, JSON.stringify(headers)).toBe(404);
    }
    expect((await raw(`${open.url("127.0.0.1")}/dev/outbox?cle=${OUTBOX_ACCESS_KEY}`)).status).toBe(200);
  } finally {
    await open.stop();
  }
});

test("X-Forwarded-For is believed only from TRUSTED_PROXIES, and HSTS is sent for an https origin", async () => {
  const behindProxy = await startInstance({
    host: "127.0.0.1",
    env: { TRUSTED_PROXIES: "127.0.0.1", APP_BASE_URL: "https://pix.example.fr" },
  });
  try {
    const base = behindProxy.url("127.0.0.1");
    // Our proxy (loopback here) says the client is 9.9.9.9: the app now sees a remote client.
    expect(
      (await raw(`${base}/dev/outbox?cle=${OUTBOX_ACCESS_KEY}`, { headers: { "X-Forwarded-For": "9.9.9.9" } })).status,
    ).toBe(404);
    expect(
      (await raw(`${base}/dev/outbox?cle=${OUTBOX_ACCESS_KEY}`, { headers: { "X-Forwarded-For": "127.0.0.9" } }))
        .status,
    ).toBe(200);
    const health = await raw(`${base}/api/health`);
    expect(Number(health.headers.get("strict-transport-security")?.match(/max-age=(\d+)/)?.[1])).toBeGreaterThanOrEqual(
      31_536_000,
    );
  } finally {
    await behindProxy.stop();
  }
  // Without TRUSTED_PROXIES the same header changes nothing, and plain http gets no HSTS.
  const direct = await raw(`${appBaseUrl}/dev/outbox?cle=${OUTBOX_ACCESS_KEY}`, {
    headers: { "X-Forwarded-For": "9.9.9.9" },
  });
  expect(direct.status).toBe(200);
  expect(direct.headers.get("strict-transport-security")).toBeNull();
});
