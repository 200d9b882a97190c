import type { DomainErrorCode } from "@/lib/errors";

/** French text for the generic error codes; features may pass a more precise message. */
export const errorMessages: Record<DomainErrorCode | "VALIDATION" | "UNEXPECTED", string> = {
  NOT_FOUND: "Cette page ou cette ressource n'existe pas, ou vous n'y avez pas accès.",
  FORBIDDEN: "Vous n'avez pas les droits nécessaires pour cette action.",
  UNAUTHENTICATED: "Votre session a expiré. Veuillez vous reconnecter.",
  CONFLICT: "Cette action n'est pas possible dans l'état actuel. Rechargez la page et réessayez.",
  INVALID_INPUT: "Certaines informations saisies sont invalides.",
  CAMPAIGN_CLOSED: "Ce parcours est terminé (archivé).",
  CODE_ALREADY_REDEEMED: "Ce code a déjà été utilisé.",
  IMPORT_FILE_INVALID: "Le fichier n'a pas pu être importé.",
  TOO_MANY_ATTEMPTS: "Trop d'essais : réessayez plus tard.",
  BUSY: "Une autre opération est en cours pour cet établissement. Réessayez dans quelques instants.",
  VALIDATION: "Le formulaire contient des erreurs. Corrigez les champs indiqués.",
  UNEXPECTED: "Une erreur inattendue s'est produite. Réessayez ; si elle persiste, contactez le support.",
};
