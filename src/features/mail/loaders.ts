import "server-only";

import { isLoopbackAddress } from "@/lib/client-address";
import { areDevPagesEnabled, env } from "@/lib/env";
import { requestClientAddress } from "@/lib/request-context";
import { getMemberContext } from "@/lib/session";

import { listOutboxEntries } from "./data";
import { decideOutboxAccess, type OutboxAccess } from "./domain/outbox-access";
import { extractLinks } from "./domain/outbox-entry";

/**
 * The local outbox page (development, tests, the local demo): null means 404. See
 * domain/outbox-access.ts for who sees what.
 */
export async function loadOutboxPage(presentedKey: string | null) {
  const member = await getMemberContext();
  const access = decideOutboxAccess({
    devPagesEnabled: areDevPagesEnabled(),
    isLoopbackClient: isLoopbackAddress(await requestClientAddress()),
    presentedKey,
    configuredKey: env().OUTBOX_ACCESS_KEY,
    signedInStaffEmail: member?.email ?? null,
  });
  return readOutboxPage(access);
}

export async function readOutboxPage(access: OutboxAccess) {
  if (access.kind === "HIDDEN") return null;
  const entries =
    access.kind === "LOCKED"
      ? []
      : await listOutboxEntries(100, access.kind === "RECIPIENT" ? { to: access.email } : {});
  return {
    access: access.kind,
    usesSmtp: Boolean(env().SMTP_URL),
    entries: entries.map((entry) => ({ ...entry, links: extractLinks(entry.text) })),
  };
}
