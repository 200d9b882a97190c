/** The name offered by default, e.g. "Parcours de rentrée — 4E B". */
export function defaultCampaignName(targetProfileName: string, division: string | null): string {
  const base = targetProfileName.trim();
  return division ? `${base} — ${division}` : base;
}
