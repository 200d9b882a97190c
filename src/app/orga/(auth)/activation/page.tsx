import type { Metadata } from "next";
import Link from "next/link";

import { ActivationForm } from "@/features/schools/components/activation-form";
import { AuthCard } from "@/features/members/components/auth-card";
import { membersMessages as m } from "@/messages/fr/members";

export const metadata: Metadata = { title: m.activation.title };

export default function ActivationPage() {
  return (
    <AuthCard title={m.activation.title} intro={m.activation.intro}>
      <ActivationForm />
      <p>
        <Link href="/orga/connexion" className="font-semibold text-primary underline">
          {m.activation.back}
        </Link>
      </p>
    </AuthCard>
  );
}
