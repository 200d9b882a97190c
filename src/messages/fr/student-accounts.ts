/** Student-facing words of the GAR sign-in, onboarding and home (vouvoiement, plain words). */
import { plural } from "./format";

function minutes(count: number): string {
  return plural(count, "minute", "minutes");
}

export const accountsText = {
  validation: {
    codeRequired: "Saisissez le code du parcours.",
    codeUnknown: "Ce code ne correspond à aucun parcours. Vérifiez-le auprès de votre enseignant.",
    dayRequired: "Indiquez le jour.",
    dayInvalid: "Le jour doit être un nombre entre 1 et 31.",
    monthRequired: "Indiquez le mois.",
    monthInvalid: "Le mois doit être un nombre entre 1 et 12.",
    yearRequired: "Indiquez l'année.",
    yearInvalid: "L'année doit comporter 4 chiffres, par exemple 2012.",
    dateInvalid: "Cette date n'existe pas. Vérifiez le jour et le mois.",
  },
  connecting: {
    title: "Connexion en cours…",
    text: "Vous allez être redirigé vers votre ENT.",
    link: "Continuer",
  },
  signingOut: {
    title: "Déconnexion en cours…",
    text: "Vous êtes déconnecté de Pix. Le GAR termine aussi votre session sur l'ENT.",
    link: "Continuer",
  },
  joinCode: {
    pageTitle: "Rejoindre un parcours",
    title: "Rejoindre un parcours",
    intro: "Saisissez le code que votre enseignant vous a donné.",
    label: "Code du parcours",
    hint: "9 caractères, par exemple QWE RTY 234. Les espaces ne comptent pas.",
    submit: "Accéder au parcours",
    back: "Retour à mes parcours",
  },
  birthdate: {
    pageTitle: "Votre date de naissance",
    hello: (firstName: string, lastName: string) => `Bonjour ${firstName} ${lastName}`,
    notYou: "Ce n'est pas vous ? Reconnectez-vous depuis votre ENT.",
    campaign: (title: string) => `Parcours : ${title}`,
    title: "Votre date de naissance",
    intro: "Elle permet de vous retrouver dans la liste des élèves de votre établissement.",
    legend: "Date de naissance",
    /** Said before the fields, because the cursor moves by itself (WCAG 3.2.2). */
    legendHint:
      "Par exemple 06 08 2010. Le curseur passe tout seul à la case suivante ; vous pouvez aussi coller la date entière.",
    day: "Jour",
    month: "Mois",
    year: "Année",
    dayPlaceholder: "jj",
    monthPlaceholder: "mm",
    yearPlaceholder: "aaaa",
    submit: "C'est parti !",
    otherCode: "Ce n'est pas le bon parcours ? Saisir un autre code",
  },
  tooManyAttempts: (retryAfterSeconds: number) =>
    `Trop d'essais : réessayez dans ${minutes(Math.max(1, Math.ceil(retryAfterSeconds / 60)))}.`,
  /** The pending identity is locked by wrong birth dates: a teacher of the school can unlock it. */
  studentBlocked: (retryAfterSeconds: number) =>
    `Trop d'essais. Demandez à votre professeur de vous débloquer, ou réessayez dans ${minutes(Math.max(1, Math.ceil(retryAfterSeconds / 60)))}.`,
  /** Orga (staff, vouvoiement): pupils blocked by wrong birth dates. */
  lockouts: {
    count: (count: number) => plural(count, "élève bloqué", "élèves bloqués"),
    sectionTitle: "Élèves bloqués",
    intro:
      "Ces élèves ont saisi trop de dates de naissance erronées. Vérifiez qu'il s'agit bien d'eux (nom transmis par l'ENT), puis débloquez-les : ils pourront réessayer aussitôt.",
    name: "Nom transmis par l'ENT",
    campaign: "Parcours",
    until: "Bloqué jusqu'à",
    action: "Action",
    unlock: "Débloquer",
    unlockLabel: (firstName: string, lastName: string) => `Débloquer ${firstName} ${lastName}`,
    unlocked: "L'élève a été débloqué : il peut saisir de nouveau sa date de naissance.",
    notFound: "Cet élève n'est plus bloqué.",
    badge: "Bloqué (dates de naissance)",
  },
  linkedToOtherAccount: (loginHint: string | null) =>
    loginHint
      ? `Vous avez déjà un compte Pix relié à cet établissement, qui n'utilise pas l'ENT (identifiant : ${loginHint}). Connectez-vous avec ce compte ou adressez-vous à votre enseignant.`
      : "Vous avez déjà un compte Pix relié à cet établissement, qui n'utilise pas l'ENT. Adressez-vous à votre enseignant.",
  start: {
    starting: "Démarrage…",
  },
  cgu: {
    pageTitle: "Conditions d'utilisation",
    title: "Conditions d'utilisation de Pix",
    intro: "Avant de commencer, prenez connaissance de ces règles.",
    points: [
      "Pix sert à évaluer et à développer vos compétences numériques. Ce n'est pas un examen noté.",
      "Votre établissement voit vos résultats seulement quand vous les lui envoyez.",
      "Pix utilise votre nom, votre prénom et votre classe, transmis par votre établissement et par le GAR. Aucune publicité, aucune revente de données.",
      "Répondez seul : l'objectif est de savoir où vous en êtes.",
      "Vous pouvez demander à consulter ou corriger vos données auprès de votre établissement.",
    ],
    accept: "J'accepte les conditions d'utilisation",
  },
  home: {
    pageTitle: "Mes parcours",
    hello: (firstName: string) => `Bonjour ${firstName}`,
    title: "Mes parcours",
    inProgress: "En cours",
    finished: "Terminés, à envoyer",
    shared: "Envoyés",
    resume: "Reprendre",
    seeResults: "Voir mes résultats",
    sentOn: (date: string) => `Résultats envoyés le ${date}`,
    startedOn: (date: string) => `Commencé le ${date}`,
    empty: "Vous n'avez encore rejoint aucun parcours. Saisissez le code donné par votre enseignant.",
    joinAnother: "Rejoindre un autre parcours",
    profile: "Mon profil : mes niveaux",
  },
  signedOutHome: {
    pageTitle: "Bienvenue sur Pix",
    title: "Bienvenue sur Pix",
    intro: "Pix vous permet d'évaluer et de développer vos compétences numériques.",
    howTo: "Pour commencer, connectez-vous à votre ENT, ouvrez le médiacentre puis la ressource « Pix ».",
    signIn: "Se connecter depuis mon ENT",
    staff: "Vous êtes membre du personnel d'un établissement ?",
    staffLink: "Accéder à Pix Orga",
  },
  header: {
    appName: "Pix",
    signOut: "Se déconnecter",
    home: "Mes parcours",
  },
  errorPage: {
    pageTitle: "Connexion impossible",
    titles: {
      GAR_SIGN_IN_FAILED: "La connexion n'a pas abouti",
      GAR_ACCESS_DENIED: "Pix ne vous est pas attribué",
      GAR_RESOURCE_UNAVAILABLE: "Pix n'est pas encore disponible pour votre établissement",
      GAR_NOT_A_STUDENT: "Espace réservé aux élèves",
      GAR_PENDING_IDENTITY_EXPIRED: "Votre connexion a expiré",
      CAMPAIGN_CODE_UNKNOWN: "Parcours introuvable",
      CAMPAIGN_CLOSED: "Parcours terminé",
      CAMPAIGN_NOT_JOINABLE: "Parcours inaccessible",
      CAMPAIGN_OTHER_SCHOOL: "Parcours d'un autre établissement",
      LEARNER_DISABLED: "Vous ne figurez plus dans la base élèves",
      GAR_PROFILE_MISSING: "Profil non transmis par le GAR",
      GAR_UAI_MISSING: "Établissement non transmis par le GAR",
      GAR_ASSERTION_REFUSED: "Réponse du GAR refusée",
      GAR_LOGOUT_REFUSED: "Déconnexion du GAR non vérifiée",
      LEARNER_ALREADY_LINKED: "Parcours déjà associé à un autre compte",
    },
    backToEnt: "Revenez au médiacentre de votre ENT et ouvrez Pix.",
    home: "Revenir à l'accueil",
    myCampaigns: "Revenir à mes parcours",
    staffLink: "Accéder à Pix Orga",
    errorCode: (code: string) => `Code de l'erreur : ${code}`,
  },
} as const;
