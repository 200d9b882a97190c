/**
 * Shows just enough of the school's official address for the person at the desk to recognise it
 * ("c••••@ac-paris.fr") without disclosing it to whoever typed the UAI.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "••••";
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const first = Array.from(local)[0] ?? "";
  return `${first}••••@${domain}`;
}
