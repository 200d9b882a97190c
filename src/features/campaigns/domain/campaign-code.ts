/**
 * Campaign codes (docs/domain.md §4): 6 letters then 3 digits, e.g. `QWERTY234`.
 * I, L and O are left out (confused with 1 and 0 when read aloud or projected); digits are 2–9
 * for the same reason (no 0 or 1).
 */
export const CAMPAIGN_CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ";
export const CAMPAIGN_CODE_DIGITS = "23456789";
const LETTER_COUNT = 6;
const DIGIT_COUNT = 3;
/** 9: the one place the code's shape is stated; generation, validation and the student's input follow it. */
export const CAMPAIGN_CODE_LENGTH = LETTER_COUNT + DIGIT_COUNT;

const CODE_PATTERN = new RegExp(
  `^[${CAMPAIGN_CODE_LETTERS}]{${LETTER_COUNT}}[${CAMPAIGN_CODE_DIGITS}]{${DIGIT_COUNT}}$`,
);

/** Returns an integer in [0, max). */
export type RandomIndex = (max: number) => number;

/**
 * Uniform index from the Web Crypto source (Node 20 and browsers). Rejection sampling keeps
 * every symbol equally likely: a plain modulo would favour the first symbols.
 */
export const cryptoRandomIndex: RandomIndex = (max) => {
  if (!Number.isInteger(max) || max <= 0 || max > 256) throw new RangeError("max must be in 1..256");
  const limit = 256 - (256 % max);
  const buffer = new Uint8Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    const value = buffer[0]!;
    if (value < limit) return value % max;
  }
};

export function generateCampaignCode(randomIndex: RandomIndex = cryptoRandomIndex): string {
  let code = "";
  for (let i = 0; i < LETTER_COUNT; i++) code += CAMPAIGN_CODE_LETTERS[randomIndex(CAMPAIGN_CODE_LETTERS.length)];
  for (let i = 0; i < DIGIT_COUNT; i++) code += CAMPAIGN_CODE_DIGITS[randomIndex(CAMPAIGN_CODE_DIGITS.length)];
  return code;
}

/** What a student typed → what we look up: spaces anywhere ignored, upper-cased. */
export function normalizeCampaignCode(input: string): string {
  return input.replace(/\s+/g, "").toUpperCase();
}

export function isValidCampaignCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

/** `QWERTY234` → `QWE RTY 234`: groups of three are easier to read from the back of a room. */
export function formatCampaignCode(code: string): string {
  return code.match(/.{1,3}/g)?.join(" ") ?? code;
}
