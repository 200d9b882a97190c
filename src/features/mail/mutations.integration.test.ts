import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, type AddressInfo, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { areDevPagesEnabled, resetEnvForTests } from "@/lib/env";

import { listOutboxEntries, readOutboxEntry } from "./data";
import { decideOutboxAccess } from "./domain/outbox-access";
import { readOutboxPage } from "./loaders";
import { sendMail } from "./mutations";

/**
 * A minimal SMTP server (RFC 5321 happy path, no TLS, no auth): enough for nodemailer to deliver
 * a message, so the SMTP branch is exercised over a real socket.
 */
function startSmtpServer(options: { rejectRecipients?: boolean } = {}) {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = createServer((socket) => {
    let buffer = "";
    let inData = false;
    let current = { from: "", to: [] as string[], data: "" };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 test ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let index: number;
      while ((index = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(current);
            current = { from: "", to: [], data: "" };
            reply("250 OK queued");
          } else {
            current.data += `${line.startsWith("..") ? line.slice(1) : line}\n`;
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") reply("250 test");
        else if (verb === "MAIL") {
          current.from = line;
          reply("250 OK");
        } else if (verb === "RCPT") {
          if (options.rejectRecipients) reply("550 No such user here");
          else {
            current.to.push(line);
            reply("250 OK");
          }
        } else if (verb === "DATA") {
          inData = true;
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (verb === "QUIT") {
          reply("221 Bye");
          socket.end();
        } else reply("250 OK");
      }
    });
  });
  return new Promise<{ server: Server; port: number; received: typeof received }>((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as AddressInfo).port, received }));
  });
}

let outboxDir: string;

beforeEach(() => {
  outboxDir = mkdtempSync(path.join(tmpdir(), "pix-outbox-mail-"));
  process.env.OUTBOX_DIR = outboxDir;
  delete process.env.SMTP_URL;
  resetEnvForTests();
});

afterEach(() => {
  rmSync(outboxDir, { recursive: true, force: true });
  delete process.env.SMTP_URL;
  vi.unstubAllEnvs();
  resetEnvForTests();
});

afterAll(() => resetEnvForTests());

describe("the local outbox (no SMTP_URL)", () => {
  it("keeps each message as one file and lists the newest first", async () => {
    const first = await sendMail({
      to: "a@college.fr",
      subject: "Premier",
      text: "Bonjour é à ç\nhttp://localhost:3000/x",
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await sendMail({ to: "b@college.fr", subject: "Second", text: "Re-bonjour" });
    expect(first.transport).toBe("outbox");
    expect(readdirSync(outboxDir).sort()).toEqual([`${first.id}.json`, `${second.id}.json`].sort());
    const entries = await listOutboxEntries();
    expect(entries.map((entry) => entry.subject)).toEqual(["Second", "Premier"]);
    expect(await readOutboxEntry(first.id)).toMatchObject({
      to: "a@college.fr",
      text: "Bonjour é à ç\nhttp://localhost:3000/x",
    });
  });

  it("never reads outside the outbox, whatever id it is given", async () => {
    expect(await readOutboxEntry("../../etc/passwd")).toBeNull();
    expect(await readOutboxEntry("20260101T000000000Z-000000000000")).toBeNull();
    expect(await listOutboxEntries()).toEqual([]);
  });
});

describe("/dev/outbox", () => {
  const access = (overrides: Partial<Parameters<typeof decideOutboxAccess>[0]> = {}) =>
    decideOutboxAccess({
      devPagesEnabled: areDevPagesEnabled(),
      isLoopbackClient: true,
      presentedKey: "outbox-key-0123456789-abcdef",
      configuredKey: "outbox-key-0123456789-abcdef",
      signedInStaffEmail: null,
      ...overrides,
    });

  it("is served outside production, refused in production unless ENABLE_DEV_PAGES=1", async () => {
    await sendMail({
      to: "a@college.fr",
      subject: "Invitation",
      text: "Lien : http://localhost:3000/orga/invitations/abc",
    });
    expect((await readOutboxPage(access()))?.entries[0]).toMatchObject({
      subject: "Invitation",
      links: ["http://localhost:3000/orga/invitations/abc"],
    });

    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("ENABLE_DEV_PAGES", "0");
    resetEnvForTests();
    expect(await readOutboxPage(access())).toBeNull();

    vi.stubEnv("ENABLE_DEV_PAGES", "1");
    resetEnvForTests();
    expect(await readOutboxPage(access())).not.toBeNull();
  });

  it("shows a signed-in staff member their own mail only, and nothing without the key or a session", async () => {
    await sendMail({
      to: "direction@college.fr",
      subject: "Réinitialisation",
      text: "http://localhost:3000/orga/reinitialiser/secret",
    });
    await sendMail({ to: "prof@college.fr", subject: "Invitation", text: "http://localhost:3000/orga/invitations/x" });

    const own = await readOutboxPage(access({ presentedKey: null, signedInStaffEmail: "Prof@College.fr" }));
    expect(own?.entries.map((entry) => entry.to)).toEqual(["prof@college.fr"]);
    expect((await readOutboxPage(access({ presentedKey: null })))?.entries).toEqual([]);
    expect((await readOutboxPage(access({ presentedKey: "wrong-key-0123456789-abcdef" })))?.entries).toEqual([]);
    expect(await readOutboxPage(access({ isLoopbackClient: false }))).toBeNull();
    expect((await readOutboxPage(access()))?.entries).toHaveLength(2);
  });
});

describe("SMTP (SMTP_URL set)", () => {
  it("delivers through the SMTP server and writes nothing to the outbox", async () => {
    const smtp = await startSmtpServer();
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
      resetEnvForTests();
      const result = await sendMail({
        to: "direction@college.fr",
        subject: "Réinitialisation",
        text: "Votre lien : http://localhost:3000/r/abc",
      });
      expect(result.transport).toBe("smtp");
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.to.join()).toContain("<direction@college.fr>");
      expect(smtp.received[0]!.from).toContain("ne-pas-repondre@pix-orga.localhost");
      expect(smtp.received[0]!.data).toMatch(/^Subject: =\?UTF-8\?/m);
      expect(readdirSync(outboxDir)).toEqual([]);
    } finally {
      smtp.server.close();
    }
  });

  it("fails loudly when the server refuses, logging no address", async () => {
    const smtp = await startSmtpServer({ rejectRecipients: true });
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
      resetEnvForTests();
      await expect(sendMail({ to: "refuse@college.fr", subject: "x", text: "y" })).rejects.toThrow();
      const logged = stderr.mock.calls.map((call) => String(call[0])).join("");
      expect(logged).toContain("mail.smtp.failed");
      expect(logged).not.toContain("refuse@college.fr");
    } finally {
      stderr.mockRestore();
      smtp.server.close();
    }
  });
});
