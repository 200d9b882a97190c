import type { DomainErrorCode } from "@/lib/errors";

/** French text for the generic error codes; features may pass a more precise message. */
export const errorMessages: Record<DomainErrorCode | "VALIDATION" | "UNEXPECTED", string> = {
  NOT_FOUND: "Cette page ou cette ressource n'existe pas, ou vous n'y avez pas accès.",
  FORBIDDEN: "Vous n'avez pas les droits nécessaires pour cette action.",
  UNAUTHENTICATED: "Votre session a expiré. Veuillez vous reconnecter.",
  CONFLICT: "Cette action n'est pas possible dans l'état actuel. Rechargez la page et réessayez.",
  INVALID_INPUT: "Certaines informations saisies sont invalides.",
  CAMPAIGN_CLOSED: "Ce parcours est terminé (archivé).",
  TOO_MANY_ATTEMPTS: "Trop d'essais : réessayez plus tard.",
  BUSY: "Une autre opération est en cours pour cet établissement. Réessayez dans quelques instants.",
  PAYLOAD_TOO_LARGE: "Le fichier envoyé est trop volumineux.",
  GAR_SIGN_IN_FAILED:
    "La connexion depuis l'ENT n'a pas abouti. Revenez au médiacentre de votre ENT et ouvrez Pix à nouveau.",
  GAR_ACCESS_DENIED:
    "Pix ne vous est pas attribué dans le GAR. Demandez au responsable des affectations de votre établissement de vous l'attribuer.",
  GAR_RESOURCE_UNAVAILABLE:
    "Votre établissement n'a pas encore accès à Pix dans le GAR (son abonnement n'existe pas ou a expiré). Prévenez un membre de l'équipe de direction : l'abonnement se crée depuis Pix Orga.",
  GAR_NOT_A_STUDENT: "Cet espace est réservé aux élèves. Personnels de l'établissement : connectez-vous à Pix Orga.",
  GAR_PENDING_IDENTITY_EXPIRED:
    "Votre connexion a expiré. Revenez au médiacentre de votre ENT et ouvrez Pix à nouveau.",
  CAMPAIGN_CODE_UNKNOWN: "Ce code ne correspond à aucun parcours. Vérifiez-le auprès de votre enseignant.",
  CAMPAIGN_NOT_JOINABLE:
    "Ce parcours ne peut pas être rejoint depuis l'ENT. Vérifiez le code auprès de votre enseignant.",
  CAMPAIGN_OTHER_SCHOOL:
    "Ce code correspond à un parcours d'un autre établissement. Vérifiez-le auprès de votre enseignant.",
  RECONCILIATION_NOT_FOUND:
    "Nous ne trouvons pas d'élève avec ces informations dans votre établissement. Vérifiez votre date de naissance ou adressez-vous à votre enseignant.",
  LEARNER_DISABLED: "Vous ne figurez plus dans la base élèves de cet établissement. Adressez-vous à votre enseignant.",
  LEARNER_LINKED_TO_OTHER_ACCOUNT:
    "Vous avez déjà un compte Pix relié à cet établissement, qui n'utilise pas l'ENT. Adressez-vous à votre enseignant.",
  GAR_PROFILE_MISSING:
    "Le GAR n'a pas indiqué votre profil (élève ou personnel) : Pix ne peut pas vous connecter. Adressez-vous au responsable de l'ENT de votre établissement.",
  GAR_UAI_MISSING:
    "Le GAR n'a pas indiqué votre établissement : Pix ne peut pas vous connecter. Adressez-vous au responsable de l'ENT de votre établissement.",
  GAR_ASSERTION_REFUSED:
    "Pix n'a pas pu vérifier la réponse du GAR (réponse invalide, expirée ou déjà utilisée). Revenez au médiacentre de votre ENT et ouvrez Pix à nouveau.",
  GAR_LOGOUT_REFUSED:
    "Pix n'a pas pu vérifier ce message de déconnexion du GAR (non signé, expiré ou déjà utilisé). Pour quitter Pix, utilisez « Se déconnecter » dans Pix ; pour quitter l'ENT, déconnectez-vous de l'ENT.",
  LEARNER_ALREADY_LINKED: "Ce parcours est déjà associé à un autre compte : demandez à votre professeur.",
  VALIDATION: "Le formulaire contient des erreurs. Corrigez les champs indiqués.",
  UNEXPECTED: "Une erreur inattendue s'est produite. Réessayez ; si elle persiste, contactez le support.",
};

export const cguRequiredMessage = "Acceptez d'abord les conditions d'utilisation de Pix Orga.";
