import type { Metadata } from "next";

import { AccountView } from "@/features/members/components/account-view";
import { loadAccountPage } from "@/features/members/account/loaders";
import { membersMessages as m } from "@/messages/fr/members";

export const metadata: Metadata = { title: m.account.title };
export const dynamic = "force-dynamic";

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ info?: string }> }) {
  const page = await loadAccountPage();
  const { info } = await searchParams;
  return <AccountView {...page} info={info === "depart" ? m.team.left : undefined} />;
}
