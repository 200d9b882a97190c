import { plural } from "./format";

export const campaignsMessages = {
  listTitle: "Campagnes",
  listIntro: "Chaque campagne a un code que les élèves saisissent depuis Pix, via le médiacentre de l'ENT.",
  newCampaign: "Créer une campagne",
  createForEachClass: "Créer une campagne pour chaque classe",
  tabs: { mine: "Mes campagnes", all: "Toutes les campagnes", label: "Propriétaire" },
  statusTabs: { active: "Actives", archived: "Archivées", label: "État" },
  filters: {
    name: "Nom de la campagne",
    division: "Classe",
    allDivisions: "Toutes les classes",
    submit: "Filtrer",
    reset: "Réinitialiser",
  },
  tableCaption: "Liste des campagnes",
  columns: {
    name: "Nom",
    code: "Code",
    division: "Classe",
    owner: "Propriétaire",
    createdAt: "Créée le",
    participants: "Participants",
    shared: "Résultats reçus",
  },
  targetProfileOf: (name: string) => `Parcours : ${name}`,
  schoolWide: "Tout l'établissement",
  emptyActive:
    "Aucune campagne pour l'instant : créez la campagne de chaque classe pour que les élèves puissent rejoindre Pix.",
  emptyArchived: "Aucune campagne archivée.",
  emptyFilters: "Aucune campagne ne correspond à ces critères.",
  emptyNoLearners: "Importez d'abord votre base SIECLE pour créer une campagne par classe.",
  count: (total: number) => plural(total, "campagne", "campagnes"),

  form: {
    createTitle: "Créer une campagne",
    createIntro:
      "Recommandé : une campagne par classe. Pix Orga pourra alors vous montrer qui n'a pas encore rejoint Pix dans la classe.",
    bulkTitle: "Créer une campagne pour chaque classe",
    bulkIntro:
      "Une campagne est créée pour chaque classe cochée, avec le même parcours. Vous en serez le propriétaire.",
    bulkLink: "Ou créez une campagne pour chaque classe en une fois",
    singleLink: "Ou créez une seule campagne",
    name: "Nom de la campagne",
    nameHint: "Par exemple « Parcours de rentrée — 4E B ». Les élèves le voient.",
    targetProfile: "Parcours",
    targetProfileHint: "Le contenu sur lequel les élèves seront évalués.",
    duration: (minutes: number) => `Environ ${minutes} min`,
    competences: (count: number) => plural(count, "compétence", "compétences"),
    targetLevels: "Niveau visé par compétence :",
    targetLevel: (competenceId: string, name: string, level: number) => `${competenceId} ${name} : niveau ${level}`,
    noTargetProfile: "Aucun parcours n'est disponible pour le moment.",
    division: "Classe",
    divisionHint: "La classe qui passera ce parcours.",
    noDivision: "Aucune (tout l'établissement)",
    divisions: "Classes",
    selectAll: "Tout cocher",
    alreadyHasCampaign: "a déjà une campagne active pour ce parcours",
    owner: "Propriétaire",
    ownerHint: "Le propriétaire et les administrateurs peuvent modifier ou archiver la campagne.",
    title: "Titre affiché aux élèves (facultatif)",
    customLandingText: "Message affiché aux élèves au début du parcours (facultatif)",
    optional: "facultatif",
    submit: "Créer la campagne",
    submitBulk: "Créer les campagnes",
    submitting: "Création en cours…",
    save: "Enregistrer",
    saving: "Enregistrement…",
    cancel: "Annuler",
  },
  bulkResult: (created: number, skipped: number) =>
    plural(created, "campagne créée", "campagnes créées") +
    (skipped > 0
      ? ` ; ${plural(skipped, "classe avait", "classes avaient")} déjà une campagne active pour ce parcours.`
      : "."),
  updated: "Les modifications ont été enregistrées.",
  archived: "La campagne a été archivée : les élèves ne peuvent plus la rejoindre.",
  unarchived: "La campagne a été désarchivée.",

  errors: {
    targetProfileNotFound: "Ce parcours n'existe pas ou n'est plus proposé.",
    divisionNotFound: "Cette classe n'existe pas dans votre établissement.",
    ownerNotMember: "Le propriétaire doit être membre de votre établissement.",
    notAllowed: "Seuls le propriétaire de la campagne et les administrateurs peuvent la modifier ou l'archiver.",
    archivedNotEditable: "Cette campagne est archivée : désarchivez-la pour la modifier.",
    codeExhausted: "Impossible de générer un code unique. Réessayez.",
    notDeletable:
      "Des élèves ont déjà commencé cette campagne : elle ne peut plus être supprimée. Archivez-la pour la fermer.",
    duplicateTargetProfileArchived:
      "Le parcours de cette campagne n'est plus proposé : elle ne peut pas être dupliquée.",
  },

  page: {
    codeLabel: "Code de la campagne",
    copyCode: "Copier le code",
    copyLink: "Copier le lien",
    copied: "Copié !",
    copyFailed: "Copie impossible : sélectionnez le texte et copiez-le.",
    project: "Projeter le code",
    closeProjection: "Fermer",
    projectionHint: "Sur Pix, via le médiacentre de l'ENT, saisissez ce code puis votre date de naissance.",
    printSheets: "Imprimer les fiches élèves",
    exportCsv: "Exporter (CSV)",
    archivedBanner: (date: string) => `Campagne archivée le ${date} : les élèves ne peuvent plus la rejoindre.`,
    archivedNoSheet:
      "Cette campagne est archivée : les fiches élèves ne sont plus proposées. Désarchivez-la depuis ses paramètres pour les imprimer.",
    tabs: {
      activity: "Activité",
      results: "Résultats",
      analysis: "Analyse",
      settings: "Paramètres",
      label: "Sections de la campagne",
    },
    division: "Classe",
    targetProfile: "Parcours",
    owner: "Propriétaire",
    createdBy: (name: string, date: string) => `Créée par ${name} le ${date}`,
    back: "Toutes les campagnes",
    participationDeleted: "La participation a été supprimée : l'élève peut recommencer la campagne.",
  },

  activity: {
    countsTitle: "Participation en chiffres",
    statuses: { STARTED: "En cours", TO_SHARE: "Terminé, à envoyer", SHARED: "Résultats reçus" },
    total: "Participants",
    participantsTitle: "Participants",
    participantsCaption: "Participants de la campagne",
    columns: {
      name: "Élève",
      division: "Classe",
      status: "Statut",
      progress: "Progression",
      mastery: "Maîtrise",
      startedAt: "Commencé le",
      result: "Résultat",
    },
    noParticipant: "Personne n'a encore rejoint la campagne. Donnez le code à la classe.",
    notJoinedTitle: (count: number) => `Pas encore rejoint (${count})`,
    notJoinedIntro:
      "Élèves de la classe qui n'ont pas encore commencé la campagne. La liste se met à jour toute seule.",
    allJoined: "Tous les élèves de la classe ont rejoint la campagne.",
    liveUpdated: (time: string) => `Mis à jour à ${time}`,
    /** Read by screen readers when a poll brings a change (never for a poll that changes nothing). */
    liveChanges: {
      JOINED: (name: string) => `${name} a rejoint la campagne.`,
      FINISHED: (name: string) => `${name} a terminé le parcours.`,
      SHARED: (name: string) => `${name} a partagé ses résultats.`,
    },
    /** Many changes at once (a class arriving): counted, not named one by one. */
    liveChangesCounted: {
      JOINED: (count: number) => `${plural(count, "élève a rejoint", "élèves ont rejoint")} la campagne.`,
      FINISHED: (count: number) => `${plural(count, "élève a terminé", "élèves ont terminé")} le parcours.`,
      SHARED: (count: number) => plural(count, "élève a partagé ses résultats.", "élèves ont partagé leurs résultats."),
    },
    liveError: "Mise à jour automatique interrompue. Rechargez la page.",
    progress: (percent: number) => `${percent} %`,
  },

  pagination: {
    label: "Pagination",
    previous: "Page précédente",
    next: "Page suivante",
    page: (page: number, pages: number) => `Page ${page} sur ${pages}`,
  },

  results: {
    title: "Résultats reçus",
    intro: "Les résultats que les élèves ont envoyés à l'établissement.",
    caption: "Résultats par participant",
    averages: "Moyenne",
    averagesCaption: "Moyenne de la classe",
    participant: "Élève",
    division: "Classe",
    mastery: "Maîtrise",
    competence: (id: string, name: string) => `${id} ${name}`,
    sharedAt: "Envoyés le",
    none: "Aucun résultat reçu pour l'instant. Les élèves envoient leurs résultats à la fin du parcours.",
    percent: (value: number) => `${value} %`,
    empty: "—",
  },

  settings: {
    title: "Paramètres",
    archive: "Archiver la campagne",
    archiveHint: "Une campagne archivée ne peut plus être rejointe. Les résultats restent consultables.",
    archiveConfirm:
      "Archiver cette campagne ? Les élèves ne pourront plus la rejoindre ni la continuer. Vous pourrez la désarchiver ensuite.",
    archiveSubmit: "Confirmer : archiver la campagne",
    archivedUndo: "Annuler l'archivage",
    unarchive: "Désarchiver la campagne",
    duplicateTitle: "Dupliquer la campagne",
    duplicateHint:
      "Une nouvelle campagne avec le même parcours, le même titre et le même message, et un nouveau code : pour une autre classe ou l'année suivante. Vous en serez le propriétaire.",
    duplicateName: "Nom de la nouvelle campagne",
    duplicateDivision: "Classe de la nouvelle campagne",
    duplicateSubmit: "Dupliquer",
    duplicating: "Duplication…",
    copyName: (name: string) => `${name} (copie)`,
    deleteTitle: "Supprimer la campagne",
    deleteHint: "Personne n'a encore commencé cette campagne : vous pouvez la supprimer définitivement.",
    deleteOpen: "Supprimer la campagne",
    deleteConfirm: "Supprimer définitivement cette campagne et son code ? Cette action est irréversible.",
    deleteSubmit: "Confirmer : supprimer la campagne",
    deleted: "La campagne a été supprimée.",
    readOnly: "Seuls le propriétaire de la campagne et les administrateurs peuvent la modifier.",
  },

  export: {
    fileName: (code: string) => `resultats-campagne-${code}.csv`,
    headers: {
      campaignName: "Campagne",
      code: "Code de la campagne",
      targetProfile: "Parcours",
      ine: "INE",
      lastName: "Nom",
      firstName: "Prénom",
      division: "Classe",
      birthdate: "Date de naissance",
      status: "Statut",
      progress: "Progression (%)",
      startedAt: "Date de début",
      shared: "Résultats envoyés (Oui/Non)",
      sharedAt: "Date d'envoi",
      mastery: "Maîtrise globale (%)",
      competence: (id: string, name: string) => `Compétence ${id} ${name} (%)`,
    },
    notStarted: "Pas commencé",
    yes: "Oui",
    no: "Non",
  },

  sheet: {
    title: (division: string) => `Fiche élève — ${division}`,
    documentTitle: "Fiches élèves",
    print: "Imprimer",
    back: "Retour à la campagne",
    printHint: "Imprimez au format A4. Une page par classe, puis découpez les coupons.",
    heading: "Rejoindre Pix avec votre code",
    intro: "Pour commencer le parcours, en classe ou depuis chez vous :",
    steps: [
      { title: "Connectez-vous à votre ENT", text: "Avec vos identifiants habituels (ÉduConnect)." },
      { title: "Ouvrez le médiacentre", text: "Dans l'ENT, ouvrez « Médiacentre » (ressources numériques)." },
      { title: "Cliquez sur Pix", text: "Dans la liste des ressources, choisissez la vignette Pix." },
      {
        title: "Saisissez le code, puis votre date de naissance",
        text: "Le code est indiqué ci-dessous. Vos nom et prénom s'affichent tout seuls.",
      },
    ],
    codeLabel: "Code du parcours",
    afterwards:
      "Ensuite, vous vous connectez à Pix depuis l'ENT sans code, et vous pouvez reprendre là où vous vous étiez arrêté.",
    help: "Un problème ? Adressez-vous à votre enseignant.",
    slipsTitle: "Coupons à découper",
    slipSteps: "ENT → Médiacentre → Pix",
    slipBirthdate: "+ votre date de naissance",
    noLearners: "Aucun élève dans cette classe.",
    schoolWide: "Tout l'établissement",
  },
  participationManagement: {
    title: "Gérer la participation",
    intro:
      "Le propriétaire de la campagne et les administrateurs peuvent supprimer une participation (l'élève pourra recommencer avec le même code) ou, une fois les résultats envoyés, permettre à l'élève de repasser le parcours.",
    deleteOpen: "Supprimer la participation",
    deleteConfirm: (name: string) =>
      `Supprimer la participation de ${name} ? Ses réponses ne seront plus visibles ; l'élève pourra recommencer la campagne avec le même code.`,
    deleteSubmit: (name: string) => `Confirmer : supprimer la participation de ${name}`,
    retryOpen: "Permettre de repasser le parcours",
    retryConfirm: (name: string) =>
      `Permettre à ${name} de repasser le parcours ? Une nouvelle tentative commence ; les résultats envoyés restent dans l'historique de l'élève.`,
    retrySubmit: (name: string) => `Confirmer : ${name} repasse le parcours`,
    retried: "Une nouvelle tentative a commencé : l'élève la retrouve dans « Mes parcours ».",
    errors: {
      notActive: "Cette participation a déjà été supprimée ou remplacée par une nouvelle tentative.",
      notShared: "L'élève ne peut repasser le parcours qu'après avoir envoyé ses résultats.",
      archived: "Cette campagne est archivée : désarchivez-la pour permettre à l'élève de la repasser.",
      noAccount: "Cet élève n'est plus associé à un compte Pix : il ne peut pas repasser le parcours.",
    },
  },
  participant: {
    pageTitle: (name: string, campaign: string) => `${name} — ${campaign}`,
    back: "Résultats de la campagne",
    learnerPage: "Page de l'élève",
    campaign: (name: string) => `Campagne « ${name} »`,
    division: "Classe",
    status: "Statut",
    startedAt: "Commencé le",
    completedAt: "Terminé le",
    sharedAt: "Résultats envoyés le",
    progress: "Progression",
    earlierAttempt: "Tentative précédente, remplacée par une nouvelle tentative.",
    notShared:
      "L'élève n'a pas encore envoyé ses résultats : seule sa progression est visible. Le détail par compétence et par question s'affichera après l'envoi.",
    overall: "Taux de maîtrise global",
    masteryExplained: (percent: number, correct: number, answered: number) =>
      `${percent} % des acquis du parcours sont maîtrisés (une question réussie valide aussi les plus faciles de sa compétence) ; ${plural(correct, "bonne réponse", "bonnes réponses")} sur ${plural(answered, "question", "questions")}.`,
    competencesTitle: "Par compétence",
    level: (level: number, max: number) => (level === 0 ? "Niveau non atteint" : `Niveau ${level} sur ${max}`),
    mastery: (percent: number) => `${percent} % de maîtrise`,
    questionsCaption: (competence: string) => `Questions de la compétence ${competence}`,
    question: "Question",
    answer: "Réponse",
    answers: { OK: "Juste", KO: "Fausse", SKIPPED: "Passée" },
    /** One field of a QROCM in the participant's result: what was typed, and what was expected when wrong. */
    fieldAnswer: (given: string, isRight: boolean, expected: string) =>
      isRight ? `${given} (juste)` : `${given || "(vide)"} (faux ; attendu : ${expected})`,
    noQuestion: "Aucune question de cette compétence n'a été posée.",
    seeResult: "Voir le résultat",
    seeResultOf: (name: string) => `de ${name}`,
  },
  analysis: {
    title: "Analyse de la classe",
    basis: (count: number, division = "") =>
      `Calculée sur les résultats envoyés : ${plural(count, "élève", "élèves")}${division ? ` de la classe ${division}` : ""}. Comme dans l'onglet Résultats, un parcours en cours, ou terminé mais pas encore envoyé, ne compte pas : ses résultats restent ceux de l'élève tant qu'il ne les a pas envoyés.`,
    empty:
      "Personne n'a encore envoyé ses résultats : l'analyse s'affichera dès le premier envoi. Les élèves envoient leurs résultats à la fin du parcours, depuis la page « Vos résultats ».",
    emptyForClass: (division: string) =>
      `Aucun élève de la classe ${division} n'a encore envoyé ses résultats pour cette campagne.`,
    filter: { division: "Classe", allDivisions: "Toutes les classes", submit: "Filtrer", reset: "Réinitialiser" },
    recommendationsTitle: "À travailler ensuite",
    recommendationsIntro:
      "Les compétences à reprendre en priorité, au plus trois, d'après la part d'élèves sous le niveau visé par le parcours.",
    noRecommendation:
      "Aucune compétence ne ressort : dans chaque compétence, au moins trois élèves sur quatre ont atteint le niveau visé.",
    recommendation: {
      belowTarget: (
        percent: number,
        below: number,
        assessed: number,
        target: number,
        competence: string,
        scope: "class" | "group",
      ) =>
        `${percent} % des élèves (${below} sur ${assessed}) sont sous le niveau visé (${target}) en ${competence} : ${
          scope === "class"
            ? "à reprendre avec toute la classe"
            : below < 2
              ? "à reprendre avec l'élève concerné"
              : `à reprendre en petit groupe avec les ${below} élèves concernés`
        }.`,
      lowMastery: (percent: number, competence: string) =>
        `La maîtrise moyenne de la classe n'est que de ${percent} % en ${competence}, pour laquelle le parcours ne fixe pas de niveau visé : à reprendre avec toute la classe.`,
    },
    competencesTitle: "Niveaux par compétence",
    competence: (id: string, name: string) => `${id} ${name}`,
    target: (level: number) => `Niveau visé : ${level}.`,
    noTarget: "Le parcours ne fixe pas de niveau visé pour cette compétence.",
    belowTarget: (below: number, assessed: number, percent: number) =>
      `${plural(below, "élève", "élèves")} sur ${assessed} (${percent} %) ${below < 2 ? "est" : "sont"} sous le niveau visé.`,
    meanMastery: (percent: number) => `Maîtrise moyenne : ${percent} %.`,
    notAssessed: "Aucun résultat envoyé ne porte sur cette compétence.",
    levelsCaption: (competence: string) => `Répartition des niveaux atteints en ${competence}`,
    columns: { level: "Niveau atteint", students: "Élèves", share: "Part de la classe" },
    level: (level: number) => (level === 0 ? "Niveau non atteint" : `Niveau ${level}`),
    targetMark: "niveau visé",
    missedTitle: "Questions les plus ratées",
    missedIntro:
      "Une réponse fausse ou une question passée compte comme ratée. Chaque élève voit l'une des formes équivalentes d'une même question (pour éviter de copier sur le voisin) : les chiffres additionnent ces formes, et l'énoncé affiché est celui que le plus d'élèves ont vu.",
    missedCaption: "Questions les plus ratées, de la plus ratée à la moins ratée",
    missedNone: "Aucune question ratée : toutes les réponses envoyées sont justes.",
    missedColumns: {
      question: "Question",
      competence: "Compétence",
      level: "Niveau",
      missed: "Ratée",
      detail: "Détail",
    },
    missed: (missed: number, seen: number) => `${missed} sur ${seen}`,
    missedDetail: (wrong: number, skipped: number) =>
      `${plural(wrong, "réponse fausse", "réponses fausses")}, ${plural(skipped, "question passée", "questions passées")}`,
    otherForms: (count: number) =>
      count < 2 ? "Voir l'autre forme de la question" : `Voir les ${count} autres formes de la question`,
    percent: (value: number) => `${value} %`,
  },
  notJoined: {
    documentTitle: "Élèves qui n'ont pas encore rejoint la campagne",
    title: (division: string) => `${division} : élèves qui n'ont pas encore rejoint la campagne`,
    intro: (campaign: string, code: string, date: string) =>
      `Campagne « ${campaign} », code ${code}. Liste du ${date}.`,
    print: "Imprimer",
    back: "Retour à la campagne",
    printLink: "Imprimer la liste",
    exportLink: "Télécharger la liste (CSV)",
    linksLabel: "Relancer ces élèves",
    legend:
      "« jamais connecté » : l'élève n'est encore jamais arrivé dans Pix depuis l'ENT. Si l'ENT ne lui propose pas Pix dans le médiacentre, demandez au responsable d'affectation de lui affecter la ressource Pix dans le GAR.",
    byClass: (division: string, count: number) => `${division} : ${plural(count, "élève", "élèves")}`,
    entry: (lastName: string, firstName: string, birthdate: string) =>
      `${lastName} ${firstName}, né(e) le ${birthdate}`,
    neverSignedIn: "jamais connecté",
    allJoined: "Tous les élèves de la classe ont rejoint la campagne.",
    schoolWide:
      "Cette campagne est ouverte à tout l'établissement : sans classe à comparer, il n'y a pas de liste des élèves qui ne l'ont pas rejointe.",
    headers: {
      division: "Classe",
      lastName: "Nom",
      firstName: "Prénom",
      birthdate: "Date de naissance",
      garSignIn: "Déjà connecté à Pix depuis l'ENT (Oui/Non)",
    },
    yes: "Oui",
    no: "Non",
  },
  participantFilters: {
    label: "Filtrer les participants",
    division: "Classe",
    allDivisions: "Toutes les classes",
    status: "Statut",
    statuses: {
      all: "Tous",
      "not-started": "Pas commencé",
      "in-progress": "En cours",
      finished: "Terminé, à envoyer",
      shared: "Résultats reçus",
    },
    sort: "Trier par",
    sorts: { name: "Nom", mastery: "Maîtrise (la plus haute d'abord)" },
    submit: "Filtrer",
    reset: "Réinitialiser",
    participantsTitle: (count: number) => `Participants (${count})`,
    notStartedTitle: (count: number) => `Pas commencé (${count})`,
    noneForFilter: "Aucun participant ne correspond à ces critères.",
  },
} as const;
