/**
 * The campaign runner: start page, questions, results. Vouvoiement, plain words. French
 * typography: non-breaking spaces before ? ! : ; and inside « », so a phone never wraps them alone.
 */
import { plural } from "./format";
export const runnerText = {
  start: {
    schoolMessageLabel: "Le message de votre établissement",
    whatToExpectTitle: "Comment ça se passe ?",
    expectQuestions: (estimate: number) =>
      `Environ ${estimate} questions, une par page. Il n'y a pas de limite de temps.`,
    expectAdaptive:
      "Les questions s'adaptent à vos réponses : elles deviennent plus faciles ou plus difficiles selon ce que vous savez faire.",
    expectSkip: "Si vous ne savez pas répondre, cliquez sur « Je passe » : ce n'est pas grave.",
    canStop: "Vous pouvez vous arrêter à tout moment et reprendre plus tard depuis l'ENT.",
    begin: "Commencer",
    resume: "Reprendre",
    resumeNote: (answered: number) => `Vous avez déjà répondu à ${plural(answered, "question", "questions")}.`,
    otherClass: {
      title: "Vérifiez votre code",
      message: (campaignDivision: string, learnerDivision: string) =>
        `Ce code est celui de la classe ${campaignDivision}. Vous êtes en ${learnerDivision}\u00a0: vérifiez le code avec votre professeur.`,
      proceed: "Continuer quand même",
      changeCode: "Changer de code",
    },
  },
  question: {
    progress: (current: number, total: number) => `Question ${current} sur environ ${total}`,
    progressLabel: "Progression dans le parcours",
    oneAnswer: "Choisissez une réponse.",
    severalAnswers: "Cochez toutes les bonnes réponses.",
    textLabel: "Votre réponse",
    fieldsLegend: "Remplissez chaque champ.",
    imageChoice: "Choisissez une image.",
    imageChoiceName: (letter: string) => `Image ${letter}`,
    textHint: "Écrivez votre réponse dans le champ ci-dessous.",
    validate: "Je valide",
    skip: "Je passe",
    submitting: "Envoi…",
    illustrationCaption: "Illustration de la question",
    stopNote: "Vous pouvez fermer cette page : vos réponses sont enregistrées et vous reprendrez ici.",
  },
  results: {
    title: "Vos résultats",
    overall: "Taux de maîtrise global",
    competencesTitle: "Par compétence",
    level: (level: number, max: number) => (level === 0 ? "Niveau non atteint" : `Niveau ${level} sur ${max}`),
    mastery: (percent: number) => `${percent}\u00a0% de maîtrise`,
    answered: (correct: number, answered: number) =>
      `${plural(correct, "bonne réponse", "bonnes réponses")} sur ${plural(answered, "question", "questions")}.`,
    /** Beside the answer count, which reads as the same figure and is not (issue: "13 %" next to "2 sur 12"). */
    masteryExplained: (percent: number) =>
      `${percent}\u00a0% des acquis du parcours sont maîtrisés. Ce n'est pas la part de bonnes réponses\u00a0: les questions s'adaptent à vous, une question réussie valide aussi les acquis plus faciles de sa compétence, et les acquis au-dessus de votre niveau comptent comme non maîtrisés.`,
    missedTitle: "Les questions à revoir",
    missedIntro:
      "Voici les questions auxquelles vous n'avez pas répondu juste, avec la bonne réponse et une explication.",
    noMissed: "Bravo : vous avez répondu juste à toutes les questions !",
    yourAnswer: "Votre réponse :",
    yourAnswerSkipped: "Vous avez passé cette question.",
    rightAnswer: (count: number) => (count > 1 ? "Bonnes réponses :" : "Bonne réponse :"),
    acceptedAnswer: "Réponse attendue :",
    fieldsCaption: "Vos réponses champ par champ",
    field: "Champ",
    fieldRight: "juste",
    fieldWrong: "à revoir",
    explanation: "Explication :",
    furtherReading: "Pour aller plus loin :",
    shareTitle: "Envoyer vos résultats",
    shareIntro:
      "Vos résultats ne sont visibles par votre établissement qu'une fois envoyés. Après l'envoi, ils ne changent plus.",
    share: "Envoyer mes résultats à mon établissement",
    sharing: "Envoi…",
    sharedOn: (date: string) => `Résultats envoyés le ${date}.`,
    backHome: "Revenir à mes parcours",
  },
  errors: {
    noChoice: "Choisissez une réponse, ou cliquez sur « Je passe ».",
    oneChoiceOnly: "Choisissez une seule réponse.",
    unknownChoice: "Cette réponse ne fait pas partie des propositions. Rechargez la page et réessayez.",
    emptyText: "Écrivez une réponse, ou cliquez sur « Je passe ».",
    textTooLong: "Votre réponse est trop longue (200 caractères au maximum).",
    emptyFields: (labels: readonly string[]) =>
      labels.length === 1
        ? `Remplissez le champ « ${labels[0]} », ou cliquez sur « Je passe ».`
        : `Remplissez les champs ${labels.map((label) => `« ${label} »`).join(", ")}, ou cliquez sur « Je passe ».`,
    wrongFields: "Cette question a changé. Rechargez la page et réessayez.",
    notFinished: "Terminez le parcours avant d'envoyer vos résultats.",
    archived: "Ce parcours est terminé (archivé) : il n'est plus possible d'y répondre.",
    noParticipation: "Vous ne participez pas à ce parcours. Ouvrez-le depuis le médiacentre de votre ENT.",
  },
  profile: {
    pageTitle: "Mon profil",
    title: "Mon profil",
    intro:
      "Votre niveau dans chaque compétence, d'après vos parcours terminés des 12 derniers mois, dans tous les établissements où votre compte est relié. Pour chaque compétence, c'est votre meilleur niveau qui compte. Ce profil n'est visible que par vous.",
    empty: "Votre profil est encore vide : terminez un parcours et votre niveau dans chaque compétence apparaîtra ici.",
    levelsTitle: "Mes niveaux par compétence",
    levelsCaption: "Niveau atteint dans chaque compétence",
    competence: "Compétence",
    level: "Niveau",
    measuredOn: "Mesuré le",
    levelValue: (level: number) => (level === 0 ? "Niveau non atteint" : `Niveau ${level} sur 8`),
    nextTitle: "À travailler ensuite",
    nextIntro: "Voici les compétences où vous pouvez progresser le plus :",
    nextStep: (name: string, level: number) => `${name} : visez le niveau ${level}.`,
    allTop: "Bravo : vous avez atteint le niveau 8 partout où vous avez été évalué.",
    adaptiveNote:
      "Dans vos prochains parcours, les questions de chaque compétence commenceront près de votre niveau : vous aurez moins de questions sur ce que vous savez déjà.",
    backHome: "Revenir à mes parcours",
  },
  pageTitles: {
    start: "Début du parcours",
    question: "Question",
    results: "Vos résultats",
  },
} as const;
