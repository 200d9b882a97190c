import type { Metadata } from "next";

import { AuthCard } from "@/features/members/components/auth-card";
import { CguForm } from "@/features/members/components/cgu-form";
import { loadCguPage } from "@/features/members/sign-in/loaders";
import { membersMessages as m } from "@/messages/fr/members";

export const metadata: Metadata = { title: "Conditions générales d'utilisation" };
export const dynamic = "force-dynamic";

export default async function CguPage() {
  const member = await loadCguPage();
  return (
    <AuthCard title={m.cgu.title} intro={member.hasAcceptedCgu ? undefined : m.cgu.intro} wide>
      <div
        className="max-h-96 space-y-3 overflow-y-auto rounded-md border border-slate-200 p-4"
        tabIndex={0}
        aria-label={m.cgu.title}
      >
        {m.cgu.paragraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
      {!member.hasAcceptedCgu && <CguForm />}
    </AuthCard>
  );
}
