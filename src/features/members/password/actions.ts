"use server";

import { redirect } from "next/navigation";

import { createAction } from "@/lib/action";
import { endSession } from "@/lib/session";
import { membersMessages as m } from "@/messages/fr/members";

import { changePasswordSchema, forgotPasswordSchema, resetPasswordSchema } from "../schema";
import { changePassword, requestPasswordReset, resetPassword } from "./mutations";

export const forgotPasswordAction = createAction({
  schema: forgotPasswordSchema,
  auth: "public",
  successMessage: m.forgotPassword.sent,
  handler: async (input) => {
    await requestPasswordReset(input);
  },
});

export const resetPasswordAction = createAction({
  schema: resetPasswordSchema,
  auth: "public",
  handler: async (input) => {
    await resetPassword({ token: input.token, password: input.password });
    await endSession();
    redirect("/orga/connexion?info=mot-de-passe-modifie");
  },
});

export const changePasswordAction = createAction({
  schema: changePasswordSchema,
  auth: "member",
  successMessage: m.account.passwordChanged,
  handler: async (input, { member }) => {
    await changePassword({
      userId: member.userId,
      sessionId: member.sessionId,
      currentPassword: input.currentPassword,
      password: input.password,
    });
  },
});
