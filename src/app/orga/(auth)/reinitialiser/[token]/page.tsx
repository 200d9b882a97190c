import type { Metadata } from "next";
import Link from "next/link";

import { AuthCard } from "@/features/members/components/auth-card";
import { ResetPasswordForm } from "@/features/members/components/reset-password-form";
import { loadResetPasswordPage } from "@/features/members/password/loaders";
import { membersMessages as m } from "@/messages/fr/members";

export const metadata: Metadata = { title: m.resetPassword.title };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { isUsable } = await loadResetPasswordPage(token);
  return (
    <AuthCard title={m.resetPassword.title}>
      {isUsable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <>
          <p role="alert" className="rounded-lg border-2 border-danger bg-danger-light p-4 font-semibold text-danger">
            {m.resetPassword.invalidLink}
          </p>
          <Link href="/orga/mot-de-passe-oublie" className="font-semibold text-primary underline">
            {m.resetPassword.requestNewLink}
          </Link>
        </>
      )}
    </AuthCard>
  );
}
