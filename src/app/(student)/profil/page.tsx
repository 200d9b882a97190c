import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { ProfileView } from "@/features/runner/components/profile-view";
import { loadProfilePage } from "@/features/runner/loaders";
import { loadStudentVisitor } from "@/features/student-accounts/loaders";
import { runnerText } from "@/messages/fr/runner";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: runnerText.profile.pageTitle };

export default async function StudentProfilePage() {
  const visitor = await loadStudentVisitor();
  if (visitor.kind !== "STUDENT") redirect("/");
  if (!visitor.hasAcceptedCgu) redirect("/conditions-utilisation?retour=%2Fprofil");
  const page = await loadProfilePage();
  if (!page) redirect("/");
  return <ProfileView page={page} />;
}
