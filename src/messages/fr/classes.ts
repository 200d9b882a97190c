import { plural, pluralWord } from "./format";

export const classesMessages = {
  title: "Classes",
  intro: "Les classes de votre établissement, d'après la dernière base SIECLE importée.",
  tableCaption: "Liste des classes",
  columns: {
    division: "Classe",
    learners: "Élèves",
    joined: "Ont rejoint Pix",
    campaigns: "Campagnes",
    actions: "Actions",
  },
  noCampaign: "Aucune campagne",
  notJoinedLink: "Qui n'a pas encore rejoint ?",
  /** After the link's visible words, for screen readers: which campaign (a class may have several). */
  notJoinedLinkFor: (campaign: string) => `(campagne « ${campaign} » : liste à imprimer ou à télécharger)`,
  createCampaign: "Créer la campagne de la classe",
  createCampaignFor: (division: string) => `Créer la campagne de la classe ${division}`,
  createForEachClass: "Créer une campagne pour chaque classe",
  empty: "Aucune classe : importez votre base SIECLE.",
  importLink: "Importer la base élèves",
  joinedLabel: (joined: number, total: number) => `${joined} / ${total}`,
  joinedDescription: (joined: number, total: number) =>
    `${plural(joined, "élève", "élèves")} sur ${total} ${pluralWord(joined, "a rejoint", "ont rejoint")} Pix`,
} as const;
