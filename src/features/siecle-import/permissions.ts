/** Only an ADMIN of the school imports; every member sees the last import and the history. */
export function canImportSiecle(role: "ADMIN" | "MEMBER"): boolean {
  return role === "ADMIN";
}
