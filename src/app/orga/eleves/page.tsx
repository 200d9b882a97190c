import type { Metadata } from "next";

import { BlockedStudents } from "@/features/student-accounts/components/blocked-students";
import { loadBlockedStudents } from "@/features/student-accounts/loaders";
import { LearnersView } from "@/features/learners/components/learners-view";
import { loadLearnersPage } from "@/features/learners/loaders";
import { learnersMessages } from "@/messages/fr/learners";

export const metadata: Metadata = { title: learnersMessages.title };

export default async function LearnersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const data = await loadLearnersPage(await searchParams);
  const blocked = await loadBlockedStudents();
  return (
    <LearnersView
      {...data}
      blockedStudents={<BlockedStudents students={blocked} showCampaign />}
      blockedLearnerIds={blocked.flatMap((student) => (student.learnerId === null ? [] : [student.learnerId]))}
    />
  );
}
