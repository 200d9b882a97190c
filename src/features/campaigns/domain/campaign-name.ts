/** The name offered by default, e.g. "Parcours de rentrée — 4E B". */
export function defaultCampaignName(targetProfileName: string, division: string | null): string {
  const base = targetProfileName.trim();
  return division ? `${base} — ${division}` : base;
}

/**
 * Whether a campaign's name already says its parcours (as the default name does), so that a list
 * need not repeat it. Letter case and spacing do not matter; accents do.
 */
export function nameMentionsTargetProfile(name: string, targetProfileName: string): boolean {
  const normalise = (text: string) => text.toLocaleLowerCase("fr-FR").replace(/\s+/g, " ").trim();
  const parcours = normalise(targetProfileName);
  return parcours !== "" && normalise(name).includes(parcours);
}
