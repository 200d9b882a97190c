import type { Metadata } from "next";
import Link from "next/link";

import { AuthCard } from "@/features/members/components/auth-card";
import { ForgotPasswordForm } from "@/features/members/components/forgot-password-form";
import { membersMessages as m } from "@/messages/fr/members";

export const metadata: Metadata = { title: m.forgotPassword.title };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title={m.forgotPassword.title} intro={m.forgotPassword.intro}>
      <ForgotPasswordForm />
      <p>
        <Link href="/orga/connexion" className="font-semibold text-primary underline">
          {m.forgotPassword.back}
        </Link>
      </p>
    </AuthCard>
  );
}
