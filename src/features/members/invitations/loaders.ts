import "server-only";

import { cache } from "react";

import { getSession } from "@/lib/session";

import { getStaffAccount } from "../account/data";
import { normalizeEmail } from "../domain/email-list";
import { getInvitationPreview } from "./data";

/**
 * The invitation behind a link, and who (if anyone) is signed in on this browser; only the
 * account of the invited address may accept (`isInvitedAccount`).
 */
export const loadInvitationPage = cache(async (token: string) => {
  const preview = await getInvitationPreview(token);
  if (!preview) return { preview: null, signedInAs: null };
  const session = await getSession();
  const account = session?.kind === "STAFF" ? await getStaffAccount(session.userId) : null;
  if (!account) return { preview, signedInAs: null };
  const isInvitedAccount = account.email !== null && normalizeEmail(account.email) === normalizeEmail(preview.email);
  return { preview, signedInAs: { ...account, isInvitedAccount } };
});
