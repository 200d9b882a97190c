import { membersMessages as m } from "@/messages/fr/members";

import type { PendingInvitation, TeamMember } from "../types";
import { SuccessMessage } from "./form-fields";
import { formatDate } from "./format";
import {
  ChangeRoleForm,
  InvitationActions,
  InviteMembersForm,
  LeaveSchoolForm,
  RemoveMemberForm,
  UnblockMemberForm,
} from "./team-forms";

const th = "sticky top-0 bg-slate-100 px-3 py-2 text-left font-semibold";
const td = "px-3 py-3 align-top";

export function TeamView({
  schoolName,
  currentUserId,
  canManage,
  members,
  invitations,
  info,
}: {
  schoolName: string;
  currentUserId: number;
  canManage: boolean;
  members: TeamMember[];
  invitations: PendingInvitation[];
  info?: string;
}) {
  return (
    <div className="space-y-10">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold">{m.team.title}</h1>
        {info && <SuccessMessage>{info}</SuccessMessage>}
        {!canManage && <p className="rounded-md border border-slate-300 bg-white p-4">{m.team.readOnly}</p>}
      </div>

      <section aria-labelledby="team-members-heading" className="space-y-3">
        <h2 id="team-members-heading" className="text-xl font-bold">
          {m.team.membersHeading} ({members.length})
        </h2>
        <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
          <table className="w-full border-collapse">
            <caption className="sr-only">
              {m.team.membersHeading} — {schoolName}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={th}>{m.team.columns.lastName}</th>
                <th scope="col" className={th}>{m.team.columns.firstName}</th>
                <th scope="col" className={th}>{m.team.columns.email}</th>
                <th scope="col" className={th}>{m.team.columns.role}</th>
                {canManage && <th scope="col" className={th}>{m.team.columns.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const name = `${member.firstName} ${member.lastName}`;
                const isSelf = member.userId === currentUserId;
                return (
                  <tr key={member.memberId} className="border-t border-slate-200">
                    <td className={`${td} font-semibold`}>
                      {member.lastName} {isSelf && <span className="font-normal text-muted">{m.team.you}</span>}
                    </td>
                    <td className={td}>{member.firstName}</td>
                    <td className={`${td} break-all`}>{member.email}</td>
                    <td className={td}>
                      {canManage ? (
                        <ChangeRoleForm memberId={member.memberId} role={member.role} name={name} />
                      ) : (
                        m.roles[member.role]
                      )}
                      {member.isBlocked && (
                        <p className="mt-1 inline-block rounded bg-danger-light px-2 py-0.5 text-sm font-semibold text-danger">
                          {m.team.blocked}
                        </p>
                      )}
                    </td>
                    {canManage && (
                      <td className={td}>
                        <div className="flex flex-col items-start gap-2">
                          {member.isBlocked && <UnblockMemberForm memberId={member.memberId} name={name} />}
                          {isSelf ? <LeaveSchoolForm schoolName={schoolName} /> : <RemoveMemberForm memberId={member.memberId} name={name} />}
                        </div>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      {canManage && (
        <section aria-labelledby="team-invite-heading" className="space-y-3">
          <h2 id="team-invite-heading" className="text-xl font-bold">
            {m.team.inviteHeading}
          </h2>
          <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-6">
            <InviteMembersForm />
          </div>
        </section>
      )}

      {canManage && (
        <section aria-labelledby="team-invitations-heading" className="space-y-3">
          <h2 id="team-invitations-heading" className="text-xl font-bold">
            {m.team.invitationsHeading} ({invitations.length})
          </h2>
          {invitations.length === 0 ? (
            <p className="text-muted">{m.team.noInvitations}</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
              <table className="w-full border-collapse">
                <caption className="sr-only">{m.team.invitationsHeading}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={th}>{m.team.invitationColumns.email}</th>
                    <th scope="col" className={th}>{m.team.invitationColumns.role}</th>
                    <th scope="col" className={th}>{m.team.invitationColumns.sentAt}</th>
                    <th scope="col" className={th}>{m.team.invitationColumns.status}</th>
                    <th scope="col" className={th}>{m.team.invitationColumns.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {invitations.map((invitation) => (
                    <tr key={invitation.id} className="border-t border-slate-200">
                      <td className={`${td} break-all`}>{invitation.email}</td>
                      <td className={td}>{m.roles[invitation.role]}</td>
                      <td className={td}>{formatDate(invitation.sentAt)}</td>
                      <td className={td}>{invitation.isExpired ? m.team.invitationExpired : m.team.invitationPending}</td>
                      <td className={td}>
                        <InvitationActions invitationId={invitation.id} email={invitation.email} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
