/** French wording of the local outbox page (development and tests). */
export const mailMessages = {
  outbox: {
    title: "Boîte d'envoi locale",
    intro:
      "Aucun serveur SMTP n'est configuré : les e-mails de l'application sont enregistrés ici au lieu d'être envoyés. Page réservée au développement et aux tests.",
    smtpConfigured: "Un serveur SMTP est configuré : les nouveaux e-mails partent par SMTP et n'apparaissent plus ici.",
    empty: "Aucun e-mail pour l'instant.",
    listLabel: "E-mails, du plus récent au plus ancien",
    to: "À",
    date: "Date",
    openLink: "Ouvrir le lien",
  },
} as const;
