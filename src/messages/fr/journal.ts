import { formatDateAtTime, plural } from "./format";

/** Journal (Orga, ADMINs): the school's audit entries in French. Every action code has its label. */
export const ACTION_LABELS: Record<string, string> = {
  "read.learners": "Consultation de la liste des élèves",
  "read.campaign_activity": "Consultation de l'activité d'une campagne",
  "read.campaign_results": "Consultation des résultats d'une campagne",
  "read.campaign_export": "Export des résultats d'une campagne (CSV)",
  "read.student_sheets": "Impression des fiches élèves d'une campagne",
  "read.not_joined_list": "Liste des élèves qui n'ont pas encore rejoint une campagne (impression ou CSV)",
  "learner.exported": "Export des données d'un élève",
  "learner.erased": "Effacement des données d'un élève",
  "learner.dissociated": "Dissociation d'un élève et d'un compte",
  "learners.dissociated": "Dissociation d'élèves et de comptes",
  "school.created": "Création de l'établissement",
  "school.activation_requested": "Demande d'activation de l'espace",
  "school.exported": "Export des données de tous les élèves",
  "school.offboarding_requested": "Demande de départ de l'établissement",
  "school.offboarding_cancelled": "Annulation du départ de l'établissement",
  "school.offboarded": "Effacement des données de l'établissement (départ)",
  "siecle.import": "Import de la base élèves (SIECLE)",
  "siecle.learner_linked": "Élève arrivant relié à son compte",
  "gar.ido_replaced": "Remplacement d'identifiant ENT",
  "gar.ido_replacement_refused": "Remplacement d'identifiant ENT refusé",
  "student.unlocked": "Déblocage d'un élève",
  "campaign.created": "Création d'une campagne",
  "campaign.updated": "Modification d'une campagne",
  "campaign.archived": "Archivage d'une campagne",
  "campaign.unarchived": "Désarchivage d'une campagne",
  "member.invited": "Invitation d'un membre",
  "member.removed": "Retrait d'un membre",
  "member.left": "Départ d'un membre",
  "member.role_changed": "Changement de rôle",
  "member.unblocked": "Déblocage d'un compte personnel",
  "invitation.accepted": "Invitation acceptée",
  "invitation.cancelled": "Invitation annulée",
  "invitation.resent": "Invitation renvoyée",
};

const TARGET_LABELS: Record<string, (id: string) => string> = {
  learner: (id) => `Élève n° ${id}`,
  campaign: (id) => `Campagne n° ${id}`,
  school: () => "Établissement",
  user: (id) => `Compte n° ${id}`,
  member: (id) => `Membre n° ${id}`,
  invitation: (id) => `Invitation n° ${id}`,
  import: (id) => `Import n° ${id}`,
};

export const journalMessages = {
  title: "Journal",
  intro:
    "Qui a fait quoi dans l'établissement, et quand : consultations des élèves et des résultats, exports, effacements, imports, équipe. Le journal ne contient aucun nom d'élève, seulement des numéros. Il est conservé 12 mois.",
  navLink: "Journal",
  filters: {
    legend: "Filtrer le journal",
    action: "Action",
    allActions: "Toutes les actions",
    from: "Du",
    to: "Au",
    submit: "Filtrer",
    reset: "Effacer les filtres",
    invalidDate: "Date invalide : utilisez le format jj/mm/aaaa.",
    invalidRange: "La date de début doit précéder la date de fin.",
  },
  table: {
    caption: "Entrées du journal, les plus récentes d'abord",
    when: "Date",
    action: "Action",
    actor: "Par",
    target: "Concerne",
    details: "Détails",
  },
  actionLabel: (action: string) => ACTION_LABELS[action] ?? action,
  targetLabel: (type: string | null, id: string | null) =>
    type ? (TARGET_LABELS[type]?.(id ?? "") ?? `${type} ${id ?? ""}`.trim()) : "—",
  actorLabel: (actor: { firstName: string; lastName: string } | null, role: string | null) => {
    const who = actor ? `${actor.firstName} ${actor.lastName}` : "Opérateur Pix Orga";
    const roleLabel = role === "ADMIN" ? "administrateur" : role === "MEMBER" ? "membre" : null;
    return roleLabel ? `${who} (${roleLabel})` : who;
  },
  count: (count: number) => plural(count, "ligne lue", "lignes lues"),
  when: (date: Date) => formatDateAtTime(date),
  total: (count: number) => plural(count, "entrée", "entrées"),
  empty: "Aucune entrée ne correspond à ces filtres.",
  errorsTitle: "Le filtre n'a pas pu être appliqué :",
  pagination: {
    label: "Pagination du journal",
    previous: "Page précédente",
    next: "Page suivante",
    page: (page: number, pages: number) => `Page ${page} sur ${pages}`,
  },
};
