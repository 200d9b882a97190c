"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

import { createAction } from "@/lib/action";
import { DomainError, isDomainError } from "@/lib/errors";
import { requestClientAddress } from "@/lib/request-context";
import { adoptPreparedSession, getStudentContext } from "@/lib/session";
import { accountsText } from "@/messages/fr/student-accounts";
import { resolveCampaignForPendingIdentity } from "./data";
import { PENDING_IDENTITY_COOKIE } from "./domain/pending-identity";
import { sanitizeReturnPath } from "./domain/return-path";
import { loadCampaignForStudent, openPendingIdentityCookie } from "./loaders";
import {
  acceptStudentCgu,
  attachGarSamlLogin,
  joinCampaignAsStudent,
  reconcileGarStudent,
  unlockStudent,
} from "./mutations";
import { acceptCguSchema, joinCampaignSchema, reconcileSchema, unlockStudentSchema } from "./schema";

function startPath(campaignCode: string): string {
  return `/campagnes/${campaignCode}/demarrer`;
}

function cguThen(returnTo: string): string {
  return `/conditions-utilisation?retour=${encodeURIComponent(returnTo)}`;
}

const PENDING_EXPIRED_PATH = "/gar/erreur/GAR_PENDING_IDENTITY_EXPIRED";

/** A replayed (already used) or expired pending identity: the same page as an expired cookie. */
function redirectWhenPendingExpired(error: unknown): never {
  if (isDomainError(error) && error.code === "GAR_PENDING_IDENTITY_EXPIRED") redirect(PENDING_EXPIRED_PATH);
  throw error;
}

/**
 * "Rejoindre un parcours": an unknown student (pending GAR identity) goes on to the birth date;
 * a signed-in student who is a learner of the campaign's school goes on to the start page. Nothing
 * is written: the participation starts at *Commencer* (`startParticipationAction`).
 */
export const submitCampaignCodeAction = createAction({
  schema: joinCampaignSchema,
  auth: "public",
  handler: async ({ code }) => {
    const student = await getStudentContext();
    if (student) {
      const campaign = await loadCampaignForStudent(student.userId, code);
      redirect(student.hasAcceptedCgu ? startPath(campaign.campaignCode) : cguThen(startPath(campaign.campaignCode)));
    }
    const pending = await openPendingIdentityCookie();
    if (!pending.ok) {
      if (pending.reason === "MISSING") throw new DomainError("UNAUTHENTICATED");
      redirect(PENDING_EXPIRED_PATH);
    }
    // Another school's code is refused here already, not only at the birth date (docs/domain.md §5).
    // The pending identity's row (consumed, expired) is checked in the campaign's statement.
    const campaign = await resolveCampaignForPendingIdentity(code, pending.identity, new Date()).catch(
      redirectWhenPendingExpired,
    );
    redirect(`/rejoindre/${campaign.code}`);
  },
});

/**
 * *Commencer* on the start page of a campaign the signed-in student reached by its direct link:
 * the participation starts here, on a POST, never while a page renders (idempotent: a second
 * click finds the one already started).
 */
export const startParticipationAction = createAction({
  schema: joinCampaignSchema,
  auth: "student",
  handler: async ({ code }, { student }) => {
    // The terms of use come first, as for every other way into a campaign.
    if (!student.hasAcceptedCgu) redirect(cguThen(startPath(code)));
    const joined = await joinCampaignAsStudent({ userId: student.userId, campaignCode: code });
    redirect(`/campagnes/${joined.campaignCode}/question`);
  },
});

/** "C'est parti !": reconciliation, then the new (or re-pointed) account is signed in. */
export const reconcileAction = createAction({
  schema: reconcileSchema,
  auth: "public",
  handler: async ({ code, birthdate }) => {
    // The server-side row is checked (and consumed) by the mutation.
    const pending = await openPendingIdentityCookie();
    if (!pending.ok) redirect(PENDING_EXPIRED_PATH);
    const outcome = await reconcileGarStudent({
      identity: pending.identity,
      campaignCode: code,
      birthdate,
      clientAddress: await requestClientAddress(),
    }).catch(redirectWhenPendingExpired);
    (await cookies()).delete(PENDING_IDENTITY_COOKIE);
    await adoptPreparedSession(outcome.session);
    // SAML: the sign-in that led here is tied to the session, for single logout.
    if (outcome.samlLoginId) await attachGarSamlLogin(outcome.samlLoginId, outcome.session.sessionId);
    const next = startPath(outcome.campaignCode);
    redirect(outcome.hasAcceptedCgu ? next : cguThen(next));
  },
});

export const acceptCguAction = createAction({
  schema: acceptCguSchema,
  auth: "student",
  handler: async ({ returnTo }, { student }) => {
    await acceptStudentCgu(student.userId);
    redirect(sanitizeReturnPath(returnTo) ?? "/");
  },
});

/** Orga: a MEMBER or ADMIN of the school unlocks a pupil blocked by wrong birth dates. */
export const unlockStudentAction = createAction({
  schema: unlockStudentSchema,
  auth: "member",
  ability: "learners:unlock",
  successMessage: accountsText.lockouts.unlocked,
  handler: async ({ lockoutId }, { member }) => {
    await unlockStudent({ schoolId: member.school.id, actorUserId: member.userId, lockoutId });
    revalidatePath("/orga", "layout");
  },
});
