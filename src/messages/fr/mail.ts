/** French wording of the local outbox page (development and tests). */
export const mailMessages = {
  outbox: {
    title: "Boîte d'envoi locale",
    intro:
      "Aucun serveur SMTP n'est configuré : les e-mails de l'application sont enregistrés ici au lieu d'être envoyés. Page réservée au développement et aux tests.",
    smtpConfigured: "Un serveur SMTP est configuré : les nouveaux e-mails partent par SMTP et n'apparaissent plus ici.",
    empty: "Aucun e-mail pour l'instant.",
    locked:
      "Cette boîte contient des liens personnels (invitations, réinitialisations de mot de passe) : ouvrez-la avec le lien affiché par « npm start » (il contient la clé d'accès), ou connectez-vous à Pix Orga pour voir les e-mails qui vous sont adressés.",
    recipientOnly: "Vous voyez les e-mails adressés à votre compte Pix Orga uniquement.",
    listLabel: "E-mails, du plus récent au plus ancien",
    to: "À",
    date: "Date",
    openLink: "Ouvrir le lien",
  },
} as const;
