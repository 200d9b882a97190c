import type { Ability } from "@/lib/abilities";

const adminOnly = "Seul un administrateur de l'établissement peut faire cette action.";

/** Why an action was refused, per ability (src/lib/abilities.ts). */
export const refusalMessages: Record<Ability, string> = {
  "team:view": "Vous n'êtes pas membre de cet établissement.",
  "team:invite": adminOnly,
  "team:manage-invitations": adminOnly,
  "team:change-role": adminOnly,
  "team:remove-member": adminOnly,
  "team:unblock-member": adminOnly,
  "campaign:create": "Vous n'avez pas les droits nécessaires pour créer une campagne.",
  "campaign:manage": "Seuls le propriétaire de la campagne et les administrateurs peuvent la modifier ou l'archiver.",
  "learners:view": "Vous n'êtes pas membre de cet établissement.",
  "learners:dissociate": "La dissociation n'est possible que dans un établissement qui gère des élèves.",
  "learners:unlock": "Vous n'avez pas les droits nécessaires pour débloquer cet élève.",
  "learners:see-ido-replacements": adminOnly,
  "siecle:import": "Seuls les administrateurs de l'établissement peuvent importer la base élèves.",
  "learners:export": "Seuls les administrateurs de l'établissement peuvent exporter les données d'un élève.",
  "learners:erase": "Seuls les administrateurs de l'établissement peuvent effacer les données d'un élève.",
  "school:offboard": "Seuls les administrateurs de l'établissement peuvent demander la fin du service.",
  "audit:view": "Seuls les administrateurs de l'établissement peuvent consulter le journal.",
  "learners:reveal-ine": "Seuls les administrateurs de l'établissement peuvent afficher l'INE d'un élève.",
  "readiness:view-details": adminOnly,
  "gar-subscription:manage": "Seuls les administrateurs de l'établissement peuvent gérer l'abonnement au GAR.",
};
