import type { Metadata } from "next";
import type { ReactNode } from "react";

import { OrgaShell } from "@/components/layout/orga-shell";
import { SiteFooter } from "@/components/layout/site-footer";
import { SchoolSwitcher } from "@/features/members/components/school-switcher";
import { OffboardingBanner } from "@/features/privacy/offboarding/components/offboarding-banner";
import { loadOffboardingBanner } from "@/features/privacy/offboarding/loaders";
import { RentreeBanner } from "@/features/readiness/components/rentree-banner";
import { loadRentreeBanner } from "@/features/readiness/loaders";
import { getMemberContext } from "@/lib/session";

export const metadata: Metadata = { title: { default: "Pix Orga", template: "%s · Pix Orga" } };
export const dynamic = "force-dynamic";

/** Signed-in members get the navigation shell; sign-in, activation and invitation pages do not. */
export default async function OrgaLayout({ children }: { children: ReactNode }) {
  const member = await getMemberContext();
  if (!member || !member.hasAcceptedCgu) {
    return (
      <div className="flex min-h-screen flex-col bg-slate-50">
        <div className="flex-1">{children}</div>
        <SiteFooter />
      </div>
    );
  }
  const [rentree, offboarding] = await Promise.all([loadRentreeBanner(), loadOffboardingBanner()]);
  return (
    <OrgaShell
      banner={
        rentree || offboarding ? (
          <>
            {offboarding && <OffboardingBanner {...offboarding} />}
            {rentree && <RentreeBanner {...rentree} />}
          </>
        ) : undefined
      }
      member={{
        firstName: member.firstName,
        lastName: member.lastName,
        role: member.role,
        school: { id: member.school.id, name: member.school.name, uai: member.school.uai },
        schools: member.schools,
      }}
      schoolSwitcher={
        member.schools.length > 1 ? (
          <SchoolSwitcher currentSchoolId={member.school.id} schools={member.schools} />
        ) : undefined
      }
    >
      {children}
    </OrgaShell>
  );
}
