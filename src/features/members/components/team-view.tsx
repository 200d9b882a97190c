import { DataTable } from "@/components/ui/data-table";
import { SuccessMessage } from "@/components/ui/notice";
import { membersMessages as m } from "@/messages/fr/members";
import { formatDate } from "@/messages/fr/format";

import type { PendingInvitation, TeamMember } from "../types";
import {
  ChangeRoleForm,
  InvitationActions,
  InviteMembersForm,
  LeaveSchoolForm,
  RemoveMemberForm,
  UnblockMemberForm,
} from "./team-forms";

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
        <DataTable
          caption={`${m.team.membersHeading} — ${schoolName}`}
          region={false}
          rows={members}
          rowKey={(member) => member.memberId}
          columns={[
            {
              key: "lastName",
              header: m.team.columns.lastName,
              className: "font-semibold",
              cell: (member) => (
                <>
                  {member.lastName}{" "}
                  {member.userId === currentUserId && <span className="font-normal text-muted">{m.team.you}</span>}
                </>
              ),
            },
            { key: "firstName", header: m.team.columns.firstName, cell: (member) => member.firstName },
            { key: "email", header: m.team.columns.email, className: "break-all", cell: (member) => member.email },
            {
              key: "role",
              header: m.team.columns.role,
              cell: (member) => (
                <>
                  {canManage ? (
                    <ChangeRoleForm
                      memberId={member.memberId}
                      role={member.role}
                      name={`${member.firstName} ${member.lastName}`}
                    />
                  ) : (
                    m.roles[member.role]
                  )}
                  {member.isBlocked && (
                    <p className="mt-1 inline-block rounded bg-danger-light px-2 py-0.5 text-sm font-semibold text-danger">
                      {m.team.blocked}
                    </p>
                  )}
                </>
              ),
            },
            ...(canManage
              ? [
                  {
                    key: "actions",
                    header: m.team.columns.actions,
                    cell: (member: TeamMember) => {
                      const name = `${member.firstName} ${member.lastName}`;
                      return (
                        <div className="flex flex-col items-start gap-2">
                          {member.isBlocked && <UnblockMemberForm memberId={member.memberId} name={name} />}
                          {member.userId === currentUserId ? (
                            <LeaveSchoolForm schoolName={schoolName} />
                          ) : (
                            <RemoveMemberForm memberId={member.memberId} name={name} />
                          )}
                        </div>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
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
            <DataTable
              caption={m.team.invitationsHeading}
              region={false}
              rows={invitations}
              rowKey={(invitation) => invitation.id}
              columns={[
                {
                  key: "email",
                  header: m.team.invitationColumns.email,
                  className: "break-all",
                  cell: (invitation) => invitation.email,
                },
                { key: "role", header: m.team.invitationColumns.role, cell: (invitation) => m.roles[invitation.role] },
                {
                  key: "sentAt",
                  header: m.team.invitationColumns.sentAt,
                  cell: (invitation) => formatDate(invitation.sentAt),
                },
                {
                  key: "status",
                  header: m.team.invitationColumns.status,
                  cell: (invitation) => (invitation.isExpired ? m.team.invitationExpired : m.team.invitationPending),
                },
                {
                  key: "actions",
                  header: m.team.invitationColumns.actions,
                  cell: (invitation) => <InvitationActions invitationId={invitation.id} email={invitation.email} />,
                },
              ]}
            />
          )}
        </section>
      )}
    </div>
  );
}
