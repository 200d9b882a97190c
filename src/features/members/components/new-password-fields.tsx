import { TextField } from "@/components/form/field";
import { membersMessages as m } from "@/messages/fr/members";

/** New password + confirmation, shared by the reset, account and invitation forms. */
export function NewPasswordFields({
  idPrefix,
  errors,
  label = m.fields.newPassword,
}: {
  idPrefix: string;
  errors: Record<string, string[]>;
  label?: string;
}) {
  return (
    <>
      <TextField
        id={`${idPrefix}-password`}
        name="password"
        type="password"
        label={label}
        hint={m.fields.passwordHint}
        autoComplete="new-password"
        required
        minLength={12}
        errors={errors.password}
      />
      <TextField
        id={`${idPrefix}-passwordConfirmation`}
        name="passwordConfirmation"
        type="password"
        label={m.fields.passwordConfirmation}
        autoComplete="new-password"
        required
        errors={errors.passwordConfirmation}
      />
    </>
  );
}
