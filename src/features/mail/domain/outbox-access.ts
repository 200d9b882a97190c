import { timingSafeEqual } from "node:crypto";

/**
 * Who may read the local outbox. It holds one-time links meant for other people's mailboxes
 * (an ADMIN's password reset, a school's activation), so it is a development page reachable only
 * from the machine itself, and even there it shows either everything to the person who holds the
 * key printed by `npm start` (OUTBOX_ACCESS_KEY), or a signed-in staff member's own mail only.
 */
export type OutboxAccess =
  /** Not served at all (404): production without ENABLE_DEV_PAGES, or a request from another machine. */
  | { kind: "HIDDEN" }
  | { kind: "ALL" }
  | { kind: "RECIPIENT"; email: string }
  /** Served, but empty until the key or a staff sign-in says whose mail to show. */
  | { kind: "LOCKED" };

export type OutboxAccessInput = {
  devPagesEnabled: boolean;
  isLoopbackClient: boolean;
  /** The `cle` query parameter, untrusted. */
  presentedKey: string | null;
  configuredKey: string | undefined;
  signedInStaffEmail: string | null;
};

export function keysMatch(presented: string, configured: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(configured);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function decideOutboxAccess(input: OutboxAccessInput): OutboxAccess {
  if (!input.devPagesEnabled || !input.isLoopbackClient) return { kind: "HIDDEN" };
  if (input.presentedKey && input.configuredKey && keysMatch(input.presentedKey, input.configuredKey))
    return { kind: "ALL" };
  if (input.signedInStaffEmail) return { kind: "RECIPIENT", email: input.signedInStaffEmail.toLowerCase() };
  return { kind: "LOCKED" };
}
