import { z } from "zod";
import { membersMessages as m } from "@/messages/fr/members";
import { MAX_INVITATIONS_PER_REQUEST } from "./domain/team-rules";
import { isPlausibleEmail, normalizeEmail, parseEmailList } from "./domain/email-list";

const v = m.validation;

export const emailSchema = z
  .string({ error: v.emailRequired })
  .transform(normalizeEmail)
  .pipe(z.string().min(1, { error: v.emailRequired }).refine(isPlausibleEmail, { error: v.emailInvalid }));

/** A new password. Length is what matters most (ANSSI/CNIL guidance), so no composition rules. */
export const newPasswordSchema = z
  .string({ error: v.passwordRequired })
  .min(12, { error: v.passwordTooShort })
  .max(200, { error: v.passwordTooLong });

const personNameSchema = (required: string) =>
  z.string({ error: required }).trim().min(1, { error: required }).max(100, { error: v.nameTooLong });

export const roleSchema = z.enum(["ADMIN", "MEMBER"], { error: v.roleInvalid });

const idSchema = z.coerce.number().int().positive();

export const signInSchema = z.object({
  email: emailSchema,
  // Never trimmed or length-checked: whatever was chosen at creation must still match.
  password: z.string({ error: v.passwordRequired }).min(1, { error: v.passwordRequired }).max(1000),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

const passwordPair = {
  password: newPasswordSchema,
  passwordConfirmation: z.string({ error: v.passwordMismatch }),
};
const passwordsMatch: [
  (data: { password: string; passwordConfirmation: string }) => boolean,
  { error: string; path: string[] },
] = [
  (data) => data.password === data.passwordConfirmation,
  { error: v.passwordMismatch, path: ["passwordConfirmation"] },
];

export const resetPasswordSchema = z.object({ token: z.string().min(1), ...passwordPair }).refine(...passwordsMatch);
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: v.passwordRequired }).min(1, { error: v.passwordRequired }).max(1000),
    ...passwordPair,
  })
  .refine(...passwordsMatch);
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const acceptInvitationWithNewAccountSchema = z
  .object({
    token: z.string().min(1),
    firstName: personNameSchema(v.firstNameRequired),
    lastName: personNameSchema(v.lastNameRequired),
    // No e-mail: the account gets the invited address, read from the invitation.
    ...passwordPair,
  })
  .refine(...passwordsMatch);
export type AcceptInvitationWithNewAccountInput = z.infer<typeof acceptInvitationWithNewAccountSchema>;

export const acceptInvitationWithSignInSchema = signInSchema.extend({ token: z.string().min(1) });
export type AcceptInvitationWithSignInInput = z.infer<typeof acceptInvitationWithSignInSchema>;

export const acceptInvitationAsCurrentUserSchema = z.object({ token: z.string().min(1) });

export const inviteMembersSchema = z.object({
  emails: z.string({ error: v.emailsRequired }).transform((raw, ctx) => {
    const { emails, invalid } = parseEmailList(raw);
    if (invalid.length > 0) ctx.addIssue({ code: "custom", message: v.emailsInvalid(invalid) });
    else if (emails.length === 0) ctx.addIssue({ code: "custom", message: v.emailsRequired });
    else if (emails.length > MAX_INVITATIONS_PER_REQUEST) {
      ctx.addIssue({ code: "custom", message: v.emailsTooMany(MAX_INVITATIONS_PER_REQUEST) });
    }
    return emails;
  }),
  role: roleSchema.default("MEMBER"),
});
export type InviteMembersInput = z.infer<typeof inviteMembersSchema>;

export const invitationIdSchema = z.object({ invitationId: idSchema });
export const memberIdSchema = z.object({ memberId: idSchema });
export const changeRoleSchema = z.object({ memberId: idSchema, role: roleSchema });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const switchSchoolSchema = z.object({ schoolId: idSchema });

export const acceptCguSchema = z.object({
  accept: z.literal("on", { error: v.cguRequired }),
});
