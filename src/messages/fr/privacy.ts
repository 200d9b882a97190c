/** Données personnelles d'un élève : export et effacement (docs/decisions/012). */
export const privacyMessages = {
  column: "Données",
  export: {
    link: "Exporter",
    /** Read after the link's visible word by screen readers. */
    ofLearner: (name: string) => ` les données de ${name}`,
    linkFor: (name: string) => `Exporter les données de ${name} (fichier JSON)`,
    fileName: (learnerId: number) => `donnees-eleve-${learnerId}.json`,
  },
  erase: {
    link: "Effacer",
    ofLearner: (name: string) => ` les données de ${name}`,
    title: "Effacer les données d'un élève",
    intro:
      "L'effacement répond à une demande de l'élève, de ses responsables, de l'établissement ou du ministère. Il est définitif : l'identité de l'élève est supprimée partout (noms, date de naissance, INE, identifiants ENT, réponses écrites). Les résultats restent, sans identité, dans les statistiques des campagnes.",
    exportFirst: "Avant d'effacer, vous pouvez exporter ses données :",
    summary: {
      name: "Élève",
      birthdate: "Date de naissance",
      division: "Classe",
      participations: "Participations",
      account: "Compte Pix",
      accountYes: "oui : il sera anonymisé et ne pourra plus se connecter",
      accountNo: "aucun",
    },
    reimport:
      "Si l'élève figure encore dans un prochain import SIECLE, il sera recréé comme un nouvel élève, sans ses anciens résultats.",
    confirm: (name: string) => `Je confirme l'effacement définitif des données de ${name}.`,
    submit: (name: string) => `Effacer définitivement ${name}`,
    cancel: "Annuler et revenir à la liste des élèves",
    done: "Les données de l'élève ont été effacées. Ses résultats restent dans les statistiques, sans identité.",
    mustConfirm: "Cochez la case pour confirmer l'effacement.",
  },
} as const;
