"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { createAction } from "@/lib/action";
import { DomainError } from "@/lib/errors";
import { requestClientAddress } from "@/lib/request-context";
import { startSession } from "@/lib/session";
import { membersMessages as m } from "@/messages/fr/members";

import { acceptCguSchema, signInSchema, switchSchoolSchema } from "../schema";
import { listActiveSchoolIds } from "./data";
import { acceptCgu, authenticateStaffOrThrow, switchSchool } from "./mutations";

export const signInAction = createAction({
  schema: signInSchema,
  auth: "public",
  handler: async (input) => {
    const userId = await authenticateStaffOrThrow({ ...input, clientAddress: await requestClientAddress() });
    const [schoolId] = await listActiveSchoolIds(userId);
    if (schoolId === undefined) throw new DomainError("FORBIDDEN", { userMessage: m.signIn.noSchool });
    await startSession({ userId, kind: "STAFF", currentSchoolId: schoolId });
    redirect("/orga");
  },
});

export const acceptCguAction = createAction({
  schema: acceptCguSchema,
  auth: "member",
  allowWithoutCgu: true,
  handler: async (_input, { member }) => {
    await acceptCgu(member.userId);
    revalidatePath("/orga", "layout");
    redirect("/orga");
  },
});

export const switchSchoolAction = createAction({
  schema: switchSchoolSchema,
  auth: "member",
  handler: async (input, { member }) => {
    await switchSchool({ sessionId: member.sessionId, userId: member.userId, schoolId: input.schoolId });
    revalidatePath("/orga", "layout");
    redirect("/orga");
  },
});
