import { SuccessMessage } from "@/components/ui/notice";
import { membersMessages as m } from "@/messages/fr/members";

import type { MemberRole } from "../types";
import { ChangePasswordForm } from "./change-password-form";
import { SwitchToSchoolButton } from "./school-switcher";
import { LeaveSchoolForm } from "./team-forms";

export function AccountView({
  firstName,
  lastName,
  email,
  currentSchoolId,
  schools,
  info,
}: {
  firstName: string;
  lastName: string;
  email: string | null;
  currentSchoolId: number;
  schools: { id: number; name: string; uai: string; role: MemberRole }[];
  info?: string;
}) {
  const current = schools.find((school) => school.id === currentSchoolId);
  return (
    <div className="max-w-3xl space-y-10">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold">{m.account.title}</h1>
        {info && <SuccessMessage>{info}</SuccessMessage>}
      </div>

      <section aria-labelledby="account-identity" className="space-y-2">
        <h2 id="account-identity" className="text-xl font-bold">
          {m.account.identityHeading}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 rounded-lg border border-slate-300 bg-white p-4">
          <dt className="font-semibold">{m.fields.firstName}</dt>
          <dd>{firstName}</dd>
          <dt className="font-semibold">{m.fields.lastName}</dt>
          <dd>{lastName}</dd>
          <dt className="font-semibold">{m.fields.email}</dt>
          <dd className="break-all">{email}</dd>
        </dl>
      </section>

      <section aria-labelledby="account-schools" className="space-y-3">
        <h2 id="account-schools" className="text-xl font-bold">
          {m.account.schoolsHeading}
        </h2>
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
          {schools.map((school) => (
            <li key={school.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div>
                <p className="font-semibold">
                  {school.name} <span className="font-normal text-muted">({school.uai})</span>
                </p>
                <p className="text-muted">
                  {m.roles[school.role]}
                  {school.id === currentSchoolId && <> · {m.account.current}</>}
                </p>
              </div>
              {school.id !== currentSchoolId && <SwitchToSchoolButton schoolId={school.id} schoolName={school.name} />}
            </li>
          ))}
        </ul>
        {current && <LeaveSchoolForm schoolName={current.name} />}
      </section>

      <section aria-labelledby="account-password" className="space-y-3">
        <h2 id="account-password" className="text-xl font-bold">
          {m.account.passwordHeading}
        </h2>
        <div className="rounded-lg border border-slate-300 bg-white p-6">
          <ChangePasswordForm />
        </div>
      </section>
    </div>
  );
}
