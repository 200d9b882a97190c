import type { Metadata } from "next";

import { TeamView } from "@/features/members/components/team-view";
import { loadTeamPage } from "@/features/members/team/loaders";
import { membersMessages as m } from "@/messages/fr/members";

export const metadata: Metadata = { title: m.team.title };
export const dynamic = "force-dynamic";

const infoMessages: Record<string, string> = {
  "invitation-annulee": m.team.cancelled,
  "membre-retire": m.team.removed,
  "compte-debloque": m.team.unblocked,
};

export default async function TeamPage({ searchParams }: { searchParams: Promise<{ info?: string }> }) {
  const page = await loadTeamPage();
  const { info } = await searchParams;
  return (
    <TeamView
      schoolName={page.school.name}
      currentUserId={page.currentUserId}
      canManage={page.canManage}
      members={page.members}
      invitations={page.invitations}
      info={info ? infoMessages[info] : undefined}
    />
  );
}
