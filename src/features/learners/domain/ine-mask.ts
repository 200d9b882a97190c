/**
 * An INE as the learner page shows it before an ADMIN reveals it: every character hidden but the
 * last two, enough to tell two records apart on the phone with a family, not enough to use it.
 */
export function maskIne(ine: string): string {
  const visible = ine.length > 4 ? 2 : 0;
  return "•".repeat(ine.length - visible) + ine.slice(ine.length - visible);
}
