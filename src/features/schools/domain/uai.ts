/** A UAI is 7 digits and a letter (e.g. 0751234X). People type it with spaces or in lower case. */
export function normalizeUai(input: string): string {
  return input.replace(/[\s.-]+/g, "").toUpperCase();
}

export function isWellFormedUai(uai: string): boolean {
  return /^[0-9]{7}[A-Z]$/.test(uai);
}
