import type { Metadata } from "next";

import { buttonClass } from "@/components/ui/button";
import { AuthCard } from "@/features/members/components/auth-card";
import {
  AcceptAsCurrentUserForm,
  CreateAccountForm,
  SignInAndAcceptForm,
} from "@/features/members/components/invitation-forms";
import { loadInvitationPage } from "@/features/members/loaders";
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

  if (signedInAs) {
    return (
      <AuthCard title={m.invitation.title(preview.schoolName)} intro={intro}>
        <p className="font-semibold">{m.invitation.acceptAsTitle(`${signedInAs.firstName} ${signedInAs.lastName}`)}</p>
        <AcceptAsCurrentUserForm token={token} />
        <form action="/orga/deconnexion" method="post" className="border-t border-slate-200 pt-4">
          <p className="mb-2 text-muted">{m.invitation.notYou}</p>
          <button type="submit" className={buttonClass("secondary")}>
            {m.signOut.submit}
          </button>
        </form>
      </AuthCard>
    );
  }

  const createSection = (
    <section aria-labelledby="create-account-title" className="space-y-4">
      <h2 id="create-account-title" className="text-xl font-bold">
        {m.invitation.createAccountTitle}
      </h2>
      <CreateAccountForm token={token} invitedEmail={preview.hasAccount ? "" : preview.email} />
    </section>
  );
  const signInSection = (
    <section aria-labelledby="sign-in-join-title" className="space-y-4">
      <h2 id="sign-in-join-title" className="text-xl font-bold">
        {m.invitation.signInTitle}
      </h2>
      <SignInAndAcceptForm token={token} invitedEmail={preview.hasAccount ? preview.email : ""} />
    </section>
  );
  return (
    <AuthCard title={m.invitation.title(preview.schoolName)} intro={intro} wide>
      <div className="grid gap-8 md:grid-cols-2 md:divide-x md:divide-slate-200 [&>*:last-child]:md:pl-8">
        {preview.hasAccount ? signInSection : createSection}
        {preview.hasAccount ? createSection : signInSection}
      </div>
    </AuthCard>
  );
}
