/**
 * The order in which a question's choices are shown. Content authors tend to write the right
 * answer first; showing the choices in authoring order would teach "pick the first one". Each
 * participation gets its own order, stable across reloads and resumes (derived from the
 * participation and question ids, never stored), and the choice ids — hence answers and answer
 * keys — are untouched.
 */
export function orderProposals<T extends { id: string }>(
  proposals: readonly T[],
  participationId: number,
  challengeId: string,
): T[] {
  const random = mulberry32(fnv1a(`${participationId}:${challengeId}`));
  const ordered = [...proposals];
  for (let i = ordered.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [ordered[i], ordered[j]] = [ordered[j]!, ordered[i]!];
  }
  return ordered;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A small seeded PRNG: reproducible, not for secrets. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
