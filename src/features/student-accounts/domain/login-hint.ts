/**
 * A hint of the account a learner is already linked to, shown to whoever typed the right name and
 * birth date: enough for the student to recognise it ("j•••@e•••.fr"), not enough to disclose
 * the address to someone else.
 */
export function maskLoginHint(email: string | null): string | null {
  if (!email) return null;
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) return "•••";
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const domainName = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : "";
  const first = (text: string) => Array.from(text)[0] ?? "";
  return `${first(local)}•••@${first(domainName)}•••${tld}`;
}
