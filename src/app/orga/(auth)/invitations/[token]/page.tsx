import type { Metadata } from "next";

import { buttonClass } from "@/components/ui/button";
import { AuthCard } from "@/features/members/components/auth-card";
import {
  AcceptAsCurrentUserForm,
  CreateAccountForm,
  SignInAndAcceptForm,
} from "@/features/members/components/invitation-forms";
import { loadInvitationPage } from "@/features/members/invitations/loaders";
import { membersMessages as m } from "@/messages/fr/members";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { preview, signedInAs } = await loadInvitationPage(token);
  if (!preview) {
    return (
      <AuthCard title="Invitation">
        <p role="alert" className="rounded-lg border-2 border-danger bg-danger-light p-4 font-semibold text-danger">
          {m.invitation.invalid}
        </p>
      </AuthCard>
    );
  }
  const intro = m.invitation.intro(preview.schoolName, m.roles[preview.role]);

  // The sign-out form comes back to this link, to sign in with the invited account.
  const signOut = (hint: string) => (
    <form action="/orga/deconnexion" method="post" className="border-t border-slate-200 pt-4">
      <input type="hidden" name="suite" value={`/orga/invitations/${token}`} />
      <p className="mb-2 text-muted">{hint}</p>
      <button type="submit" className={buttonClass("secondary")}>
        {m.signOut.submit}
      </button>
    </form>
  );

  if (signedInAs) {
    const name = `${signedInAs.firstName} ${signedInAs.lastName}`;
    if (!signedInAs.isInvitedAccount) {
      return (
        <AuthCard title={m.invitation.title(preview.schoolName)} intro={intro}>
          <p role="alert" className="rounded-lg border-2 border-danger bg-danger-light p-4 font-semibold text-danger">
            {m.invitation.signedInAsOther(name, signedInAs.email ?? "")} {m.invitation.boundTo(preview.email)}
          </p>
          {signOut(m.invitation.signOutToAccept)}
        </AuthCard>
      );
    }
    return (
      <AuthCard title={m.invitation.title(preview.schoolName)} intro={intro}>
        <p className="font-semibold">{m.invitation.acceptAsTitle(name)}</p>
        <AcceptAsCurrentUserForm token={token} />
        {signOut(m.invitation.notYou)}
      </AuthCard>
    );
  }

  // The invitation is bound to its address: that address's account signs in, or it is created.
  return (
    <AuthCard title={m.invitation.title(preview.schoolName)} intro={intro}>
      <p>{m.invitation.boundTo(preview.email)}</p>
      {preview.hasAccount ? (
        <section aria-labelledby="sign-in-join-title" className="space-y-4">
          <h2 id="sign-in-join-title" className="text-xl font-bold">
            {m.invitation.signInTitle}
          </h2>
          <SignInAndAcceptForm token={token} invitedEmail={preview.email} />
        </section>
      ) : (
        <section aria-labelledby="create-account-title" className="space-y-4">
          <h2 id="create-account-title" className="text-xl font-bold">
            {m.invitation.createAccountTitle}
          </h2>
          <CreateAccountForm token={token} invitedEmail={preview.email} />
        </section>
      )}
    </AuthCard>
  );
}
