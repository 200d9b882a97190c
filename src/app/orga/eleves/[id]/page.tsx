import type { Metadata } from "next";

import { LearnerDetailView } from "@/features/learners/components/learner-detail-view";
import { loadLearnerPage } from "@/features/learners/loaders";
import { learnersMessages } from "@/messages/fr/learners";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { learner } = await loadLearnerPage((await params).id);
  return {
    title: learnersMessages.detail.pageTitle(`${learner.preferredLastName ?? learner.lastName} ${learner.firstName}`),
  };
}

export default async function LearnerPage({ params }: Props) {
  return <LearnerDetailView {...await loadLearnerPage((await params).id)} />;
}
