import type { DataSubject, RetentionRule } from "@/features/privacy/inventory";

import { formatDate, plural as pluralFr } from "./format";

const plural = (n: number, word: string) => `${n} ${word}${n > 1 && !word.endsWith("s") ? "s" : ""}`;

function formatRetention(rule: RetentionRule): string {
  const months = rule.months ?? 0;
  const days = rule.days ?? 0;
  const period = [months > 0 ? `${months} mois` : "", days > 0 ? plural(days, "jour") : ""]
    .filter(Boolean)
    .join(" et ");
  switch (rule.from) {
    case "learner-left-school":
      return `tant que l'élève est inscrit dans l'établissement, puis ${period} après son départ (l'identité est alors effacée)`;
    case "last-sign-in":
      return `${period} après la dernière connexion`;
    case "created":
      return `${period} après leur création`;
    case "expiry":
      return period ? `${period} après leur expiration` : "jusqu'à leur expiration (quelques heures au plus)";
    case "school-offboarded":
      return `tant que l'établissement utilise Pix Orga, puis ${period} après son départ`;
    case "while-school-active":
      return "tant que l'établissement utilise Pix Orga";
    case "content-replaced":
      return "tant que le contenu est utilisé";
  }
}

/** Données personnelles : la page d'information, l'export et l'effacement d'un élève (docs/decisions/012). */
export const privacyMessages = {
  notice: {
    title: "Données personnelles",
    footerLink: "Données personnelles",
    intro:
      "Cette page explique quelles informations Pix Orga garde sur toi, pourquoi, et pendant combien de temps. Elle est fabriquée à partir de la liste exacte des données de l'application : elle dit toujours la vérité sur ce qui est stocké.",
    controllerTitle: "Qui est responsable de tes données ?",
    controller:
      "Quand tu viens depuis l'ENT de ton établissement (le GAR, Gestionnaire d'accès aux ressources), le responsable de tes données est le ministère de l'Éducation nationale. Pix Orga travaille pour lui : nous n'utilisons tes données que pour ce service, jamais pour autre chose.",
    keptTitle: "Ce que nous gardons",
    subjects: {
      learner: "Sur les élèves (transmis par l'établissement)",
      "student-account": "Sur ton compte Pix",
      staff: "Sur les personnels de l'établissement",
      school: "Sur l'établissement",
      none: "Données techniques",
    } satisfies Record<DataSubject, string>,
    columns: { what: "Quoi", why: "Pourquoi", howLong: "Combien de temps" },
    tables: {
      learners: {
        what: "Ton nom, tes prénoms, ta date et ton lieu de naissance, ton INE, ta classe",
        why: "Pour te reconnaître quand tu te connectes et montrer tes résultats à tes professeurs",
      },
      users: {
        what: "Ton nom et ton prénom ; pour les personnels, leur adresse e-mail",
        why: "Pour avoir un compte Pix et te souhaiter la bienvenue",
      },
      authentication_methods: {
        what: "L'identifiant que le GAR nous donne pour toi (un code, pas ton nom) ; pour les personnels, leur mot de passe chiffré",
        why: "Pour te connecter sans nouveau mot de passe",
      },
      sessions: { what: "Ta connexion en cours", why: "Pour que tu restes connecté pendant que tu travailles" },
      gar_saml_logins: {
        what: "Le numéro de ta connexion par l'ENT (donné par le GAR)",
        why: "Pour te déconnecter de Pix quand tu te déconnectes de l'ENT",
      },
      password_reset_tokens: {
        what: "Les liens pour changer de mot de passe (chiffrés)",
        why: "Pour qu'un personnel retrouve l'accès à son compte",
      },
      throttle_events: {
        what: "Le nombre d'essais ratés (sans ton nom)",
        why: "Pour empêcher quelqu'un de deviner ta date de naissance",
      },
      student_lockouts: {
        what: "Ton nom quand tu es bloqué après trop d'essais",
        why: "Pour que ton professeur puisse te débloquer",
      },
      participations: {
        what: "Les parcours que tu as faits et tes résultats",
        why: "Pour que tes professeurs voient ce que tu sais faire et t'aident",
      },
      answers: {
        what: "Tes réponses aux questions",
        why: "Pour calculer tes résultats et choisir les questions suivantes",
      },
      siecle_imports: {
        what: "Les erreurs d'un fichier d'élèves importé (elles peuvent citer un nom ou un INE)",
        why: "Pour que l'établissement corrige son fichier",
      },
      siecle_import_staged_learners: {
        what: "Les élèves d'un fichier en attente de confirmation",
        why: "Pour que l'administrateur vérifie le fichier avant de l'importer",
      },
      members: { what: "Qui travaille dans quel établissement, avec quel rôle", why: "Pour donner les bons droits" },
      invitations: { what: "L'adresse e-mail d'un personnel invité", why: "Pour lui envoyer son invitation" },
      audit_logs: {
        what: "Qui a fait quoi et quand (des numéros, jamais de noms)",
        why: "Pour pouvoir vérifier que les données ont été bien utilisées",
      },
    } as Record<string, { what: string; why: string } | undefined>,
    retention: formatRetention,
    recipientsTitle: "Qui peut voir tes données ?",
    recipients:
      "Les personnels de ton établissement (tes professeurs, la direction) et, si besoin, l'équipe technique de Pix Orga. Personne d'autre : pas de publicité, pas de pisteur, pas de revente.",
    dpoTitle: "Le délégué à la protection des données",
    dpo: (contact: string) =>
      `Pour toute question sur tes données, ou si tu ne peux pas passer par ton établissement, écris au délégué à la protection des données : ${contact}.`,
    dpoUndeclared:
      "Le contact du délégué à la protection des données n'est pas encore renseigné par l'exploitant de ce service : adresse-toi à ton établissement.",
    rightsTitle: "Tes droits",
    rights:
      "Tu peux demander à voir toutes tes données, à les corriger ou à les faire effacer. Parle à ton professeur principal ou à la direction de ton établissement : un administrateur de l'établissement peut exporter ou effacer tes données dans Pix Orga, ou transmettre ta demande au ministère. Si tu n'es pas satisfait de la réponse, tu peux t'adresser à la CNIL (cnil.fr).",
  },
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
  offboarding: {
    navLink: "Départ de l'établissement",
    title: "Départ de l'établissement",
    intro:
      "Si votre établissement cesse d'utiliser Pix Orga, un administrateur peut demander son départ. Pendant 3 mois, rien ne change : vous pouvez revenir sur la demande. Ensuite, toutes les données personnelles de l'établissement sont effacées (élèves, comptes élèves, imports, invitations) et les comptes des personnels sont fermés. Les résultats restent, sans identité, dans les statistiques.",
    exportTitle: "1. Exporter d'abord les données",
    exportText: (learners: number) =>
      `Téléchargez les données de ${pluralFr(learners, "élève", "élèves")} de l'établissement (un fichier JSON) avant de demander le départ.`,
    exportLink: (school: string) => `Exporter les données de tous les élèves de ${school} (fichier JSON)`,
    exportFileName: (uai: string) => `donnees-eleves-${uai}.json`,
    requestTitle: "2. Demander le départ",
    confirm: (school: string, uai: string, eraseOn: Date) =>
      `Je demande le départ de ${school} (UAI ${uai}) : toutes ses données personnelles seront effacées le ${formatDate(eraseOn)}, sauf annulation d'ici là.`,
    submit: (school: string) => `Demander le départ de ${school}`,
    mustConfirm: "Cochez la case pour confirmer la demande de départ.",
    pendingTitle: "Départ demandé",
    pending: (school: string, requestedAt: Date, eraseOn: Date) =>
      `Le départ de ${school} a été demandé le ${formatDate(requestedAt)}. Ses données personnelles seront effacées le ${formatDate(eraseOn)}.`,
    cancelText: "Vous pouvez annuler la demande jusqu'à cette date : l'établissement continue alors comme avant.",
    cancelSubmit: (school: string) => `Annuler le départ de ${school}`,
    requested: "La demande de départ est enregistrée.",
    cancelled: "La demande de départ est annulée : les données de l'établissement sont conservées.",
    alreadyRequested: "Un départ est déjà demandé pour cet établissement.",
    nothingToCancel: "Aucune demande de départ n'est en cours pour cet établissement.",
    banner: {
      label: "Départ de l'établissement demandé",
      text: (eraseOn: Date) =>
        `Le départ de l'établissement est demandé : ses données personnelles (élèves, comptes élèves, imports) seront effacées le ${formatDate(eraseOn)}.`,
      action: "Voir ou annuler la demande",
      member: "Un administrateur de l'établissement peut annuler la demande jusqu'à cette date.",
    },
  },
} as const;
