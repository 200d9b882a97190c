import { formatDate, formatDateAtTime, plural, pluralWord } from "./format";

const ERROR_IN_WORDS: Record<string, string> = {
  TLS: "le GAR a refusé le certificat de connexion de Pix (certificat client) : l'exploitant de Pix doit le vérifier",
  NETWORK: "le service d'abonnement du GAR était injoignable",
  TIMEOUT: "le service d'abonnement du GAR n'a pas répondu à temps",
  HTTP_5XX: "le service d'abonnement du GAR était en panne",
  HTTP_4XX: "le GAR a refusé la demande d'abonnement : l'exploitant de Pix doit la corriger",
  INVALID_RESPONSE: "la réponse du GAR était illisible",
};

const stateLabels = { done: "Fait", warning: "À vérifier", todo: "À faire", info: "Information" } as const;

export const readinessText = {
  pageTitle: "Accueil",
  heading: "Préparer la première campagne",
  intro:
    "Avant qu'un élève puisse rejoindre une campagne depuis l'ENT, chacune de ces étapes doit être faite. Chaque ligne indique ce qui manque et comment y remédier.",
  compactIntro: "Où en est l'établissement avant les campagnes :",
  adminOnlyHint: "Un administrateur de l'établissement peut le faire.",
  stateLabels,
  progress: (done: number, total: number) => `${done} ${pluralWord(done, "étape faite", "étapes faites")} sur ${total}`,
  activation: {
    title: "Espace Pix Orga activé",
    none: "Aucun administrateur n'a encore activé l'espace de l'établissement.",
    action: "Activer l'espace",
    done: (at: Date, by: string) => `Activé le ${formatDate(at)} par ${by}.`,
  },
  import: {
    titleNone: "Base élèves importée",
    title: (at: Date) => `Base élèves importée le ${formatDate(at)}`,
    none: "Aucune base élèves n'a encore été importée : importez le fichier ElevesSansAdresses de SIECLE.",
    beforeRentree: (schoolYear: number) =>
      `Cette base date d'avant la rentrée ${schoolYear} : importez la base de la nouvelle année scolaire.`,
    olderThan30Days:
      "Cette base a plus de 30 jours : en septembre et en octobre les effectifs changent chaque semaine, importez-la de nouveau.",
    done: (by: string | null) => (by ? `Importée par ${by}.` : "Importée par l'exploitant de Pix."),
    action: "Importer la base élèves",
  },
  subscription: {
    title: "Ressource Pix disponible dans le GAR",
    notManaged:
      "Ce serveur ne gère pas les abonnements GAR : l'abonnement de l'établissement à Pix se fait dans la console du GAR.",
    none: "L'établissement n'a pas d'abonnement à Pix dans le GAR : ses élèves ne voient pas Pix dans le médiacentre.",
    create: "Créer l'abonnement dans le GAR",
    retry: "Réessayer maintenant",
    renew: "Renouveler l'abonnement",
    pending: "La demande d'abonnement est en cours auprès du GAR.",
    failed: (at: Date | null, code: string | null, next: Date | null) =>
      `La dernière demande au GAR${at ? ` (le ${formatDateAtTime(at)})` : ""} a échoué : ${ERROR_IN_WORDS[code ?? ""] ?? "erreur inconnue"}.${next ? ` Nouvel essai automatique le ${formatDateAtTime(next)}.` : ""}`,
    outdated: (schoolYear: number) =>
      `L'abonnement couvre l'année scolaire ${schoolYear}-${schoolYear + 1} : il doit être renouvelé pour cette année.`,
    active: (startsOn: string, endYear: number) =>
      `Abonnement actif du ${formatDate(`${startsOn}T12:00:00Z`)} au 31/08/${endYear} (fin de l'année scolaire ${endYear - 1}-${endYear}).`,
    done: "La demande d'abonnement a été envoyée au GAR.",
  },
  assignment: {
    title: "Affectation de la ressource",
    noLearners: "Importez d'abord la base élèves : la liste des élèves à affecter en dépend.",
    allArrived: (count: number) =>
      `${count < 2 ? "L'élève importé est arrivé" : `Les ${count} élèves importés sont tous arrivés`} dans Pix par le GAR.`,
    noneArrived: (count: number) =>
      count < 2
        ? "L'élève importé n'est pas encore arrivé dans Pix par le GAR : la ressource Pix ne lui est sans doute pas encore affectée."
        : `Aucun des ${count} élèves importés n'est encore arrivé dans Pix par le GAR : la ressource Pix ne leur est sans doute pas encore affectée.`,
    someMissing: (pending: number, total: number) =>
      `${plural(pending, "élève importé n'est", "élèves importés ne sont")} jamais ${pluralWord(pending, "arrivé", "arrivés")} dans Pix par le GAR (sur ${total}).`,
    newcomersTitle:
      "Ces élèves sont arrivés depuis le dernier import : pensez à leur affecter la ressource Pix dans le GAR",
    othersTitle: "Élèves jamais arrivés par le GAR",
    byClass: (division: string, count: number) => `${division} : ${plural(count, "élève", "élèves")}`,
    stepsTitle: "Comment affecter la ressource Pix",
    steps: [
      "Qui : le responsable d'affectation de l'établissement (désigné dans le GAR, souvent le chef d'établissement, son adjoint ou le professeur documentaliste).",
      "Où : dans la console d'affectation du GAR, ouverte depuis l'ENT de l'établissement (rubrique d'administration du GAR).",
      "Quoi : choisir la ressource « Pix », cocher les élèves ci-dessous (ou leur classe entière) comme bénéficiaires, puis valider l'affectation.",
      "Ensuite : l'élève voit la vignette Pix dans son médiacentre ; à sa première connexion il apparaît ici comme arrivé.",
    ],
    printAction: "Imprimer la liste pour le responsable d'affectation",
    printTitle: "Élèves à qui affecter la ressource Pix dans le GAR",
    printIntro: (school: string, date: Date) => `${school} — liste du ${formatDate(date)}`,
    print: "Imprimer",
    newcomerTag: "nouveau",
    empty: "Tous les élèves importés sont arrivés dans Pix par le GAR : rien à affecter.",
    back: "Retour à l'accueil",
  },
  campaigns: {
    title: "Campagnes",
    noClasses: "Aucune classe : importez la base élèves, puis créez une campagne par classe.",
    allCovered: (count: number) =>
      count < 2 ? "La classe a sa campagne active." : `Les ${count} classes ont chacune leur campagne active.`,
    missing: (divisions: string[]) =>
      `${plural(divisions.length, "classe n'a", "classes n'ont")} pas de campagne active : ${divisions.join(", ")}.`,
    action: "Créer les campagnes manquantes",
  },
  rentreeBanner: {
    label: "Rentrée",
    text: (schoolYear: number) =>
      `Rentrée ${schoolYear} : importez la base élèves de la nouvelle année scolaire depuis SIECLE, puis vérifiez les affectations de la ressource Pix dans le GAR pour les nouveaux élèves. Les élèves absents de la nouvelle base seront désactivés.`,
    action: "Importer la base élèves",
  },
} as const;
