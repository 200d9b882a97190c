/** Words shared by every screen. */
export const common = {
  appName: "Pix",
  orgaName: "Pix Orga",
  notFoundTitle: "Page introuvable",
  notFoundText: "La page demandée n'existe pas ou n'est plus disponible.",
  backHome: "Revenir à l'accueil",
  errorTitle: "Une erreur est survenue",
  errorText: "Nous n'avons pas pu afficher cette page. Réessayez dans quelques instants.",
  retry: "Réessayer",
  skipToContent: "Aller au contenu",
  /** Heads a form's error summary when fields are wrong. */
  formErrorsSummary: "Le formulaire contient des erreurs :",
} as const;
