import "server-only";

import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

import { outboxEntryId, outboxFileName, serializeOutboxEntry } from "./domain/outbox-entry";
import type { MailMessage, MailTransportKind } from "./types";

/**
 * The one mail port. With SMTP_URL, mail goes out through SMTP (nodemailer); without it, each
 * message is written to the local outbox so that invitation and reset links work out of the box,
 * in development and in tests. Callers never know which one ran.
 */
export async function sendMail(message: MailMessage): Promise<{ transport: MailTransportKind; id: string }> {
  const { SMTP_URL } = env();
  if (SMTP_URL) return sendWithSmtp(SMTP_URL, message);
  return writeToOutbox(message);
}

export function outboxDirectory(): string {
  return path.resolve(env().OUTBOX_DIR);
}

async function writeToOutbox(message: MailMessage): Promise<{ transport: "outbox"; id: string }> {
  const directory = outboxDirectory();
  await mkdir(directory, { recursive: true });
  const now = new Date();
  const id = outboxEntryId(now, randomBytes(6).toString("hex"));
  const target = path.join(directory, outboxFileName(id));
  // Write then rename: a reader listing the folder never sees half a message.
  const temporary = `${target}.tmp`;
  await writeFile(temporary, serializeOutboxEntry({ ...message, id, createdAt: now.toISOString() }), { mode: 0o600 });
  await rename(temporary, target);
  logger.info("mail.outbox", { messageId: id });
  return { transport: "outbox", id };
}

type SmtpTransport = { sendMail(options: Record<string, unknown>): Promise<{ messageId?: string }> };
const globalForMail = globalThis as unknown as { __smtpTransport?: { url: string; transport: SmtpTransport } };

async function sendWithSmtp(url: string, message: MailMessage): Promise<{ transport: "smtp"; id: string }> {
  if (globalForMail.__smtpTransport?.url !== url) {
    const nodemailer = await import("nodemailer");
    globalForMail.__smtpTransport = { url, transport: nodemailer.createTransport(url) as unknown as SmtpTransport };
  }
  try {
    const info = await globalForMail.__smtpTransport.transport.sendMail({
      from: env().MAIL_FROM,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
    const id = info.messageId ?? "";
    logger.info("mail.smtp.sent", { messageId: id });
    return { transport: "smtp", id };
  } catch (error) {
    // The SMTP error text can quote the recipient: log its code only.
    logger.error("mail.smtp.failed", { code: (error as { code?: string }).code ?? "UNKNOWN" });
    throw error;
  }
}
