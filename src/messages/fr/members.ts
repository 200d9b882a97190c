/** French wording for staff accounts, sign-in, invitations, team and school activation. */
import { plural } from "./format";
export const membersMessages = {
  roles: { ADMIN: "Administrateur", MEMBER: "Membre" } as const,

  fields: {
    email: "Adresse e-mail",
    password: "Mot de passe",
    currentPassword: "Mot de passe actuel",
    newPassword: "Nouveau mot de passe",
    passwordConfirmation: "Confirmez le mot de passe",
    passwordHint: "12 caractères au moins.",
    firstName: "Prénom",
    lastName: "Nom",
    uai: "UAI de l'établissement",
    uaiHint: "8 caractères : 7 chiffres puis une lettre, par exemple 0751234X.",
    emails: "Adresses e-mail",
    emailsHint: "Une ou plusieurs adresses, séparées par une virgule, un point-virgule ou un retour à la ligne.",
    role: "Rôle",
    school: "Établissement",
    acceptCgu: "J'ai lu et j'accepte les conditions générales d'utilisation de Pix Orga",
  },

  validation: {
    emailRequired: "Saisissez votre adresse e-mail.",
    emailInvalid: "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
    passwordRequired: "Saisissez votre mot de passe.",
    passwordTooShort: "Le mot de passe doit contenir 12 caractères au moins.",
    passwordTooLong: "Le mot de passe doit contenir 200 caractères au plus.",
    passwordMismatch: "Les deux mots de passe ne sont pas identiques.",
    firstNameRequired: "Saisissez votre prénom.",
    lastNameRequired: "Saisissez votre nom.",
    nameTooLong: "100 caractères au plus.",
    uaiRequired: "Saisissez l'UAI de votre établissement.",
    uaiInvalid: "L'UAI comporte 7 chiffres suivis d'une lettre, par exemple 0751234X.",
    emailsRequired: "Saisissez au moins une adresse e-mail.",
    emailsInvalid: (list: string[]) =>
      list.length === 1
        ? `Cette adresse n'est pas valide : ${list[0]}.`
        : `Ces adresses ne sont pas valides : ${list.join(", ")}.`,
    emailsTooMany: (max: number) => `Vous pouvez inviter ${max} personnes au plus à la fois.`,
    roleInvalid: "Choisissez un rôle.",
    cguRequired: "Cochez la case pour accepter les conditions générales d'utilisation.",
  },

  signIn: {
    title: "Connexion à Pix Orga",
    intro: "Espace des personnels de l'établissement.",
    submit: "Se connecter",
    forgotPassword: "Mot de passe oublié ?",
    activateLink: "Première connexion de votre établissement ? Activez son espace",
    invalidCredentials: "Adresse e-mail ou mot de passe incorrect.",
    blocked: (minutes: number) =>
      `Votre compte est temporairement bloqué après 10 tentatives de connexion infructueuses. Réessayez dans ${minutes >= 60 && minutes % 60 === 0 ? plural(minutes / 60, "heure", "heures") : plural(minutes, "minute", "minutes")}, réinitialisez votre mot de passe, ou demandez à un administrateur de votre établissement de le débloquer.`,
    blockedUntilUnblocked:
      "Votre compte est bloqué après de trop nombreuses tentatives de connexion infructueuses. Réinitialisez votre mot de passe, ou demandez à un administrateur de votre établissement de le débloquer.",
    addressBlocked: (minutes: number) =>
      `Trop de tentatives de connexion infructueuses depuis votre réseau. Réessayez dans ${plural(minutes, "minute", "minutes")}.`,
    noSchool:
      "Votre compte n'est rattaché à aucun établissement. Demandez une invitation à un administrateur de votre établissement.",
    passwordChanged: "Votre mot de passe a été modifié. Connectez-vous avec le nouveau mot de passe.",
    signedOut: "Vous êtes déconnecté.",
    sessionExpired: "Votre session a expiré. Connectez-vous de nouveau.",
  },

  signOut: { submit: "Se déconnecter" },

  forgotPassword: {
    title: "Mot de passe oublié",
    intro:
      "Saisissez l'adresse e-mail de votre compte Pix Orga : nous vous enverrons un lien pour choisir un nouveau mot de passe.",
    submit: "Recevoir le lien",
    sent: "Si un compte Pix Orga existe pour cette adresse, un e-mail vient d'y être envoyé. Le lien est valable 1 heure.",
    back: "Retour à la connexion",
    tooMany: (minutes: number) => `Trop de demandes. Réessayez dans ${plural(minutes, "minute", "minutes")}.`,
  },

  resetPassword: {
    title: "Choisir un nouveau mot de passe",
    submit: "Enregistrer le mot de passe",
    invalidLink:
      "Ce lien n'est plus valable (il a expiré ou a déjà servi). Demandez un nouveau lien depuis « Mot de passe oublié ».",
    requestNewLink: "Demander un nouveau lien",
  },

  activation: {
    title: "Activer l'espace de votre établissement",
    intro:
      "Saisissez l'UAI de votre établissement. Une invitation d'administrateur sera envoyée à son adresse e-mail officielle.",
    submit: "Recevoir l'invitation",
    sent: (maskedEmail: string) =>
      `Un e-mail d'invitation a été envoyé à l'adresse officielle de l'établissement (${maskedEmail}).`,
    sentNext: "Ouvrez le lien de cet e-mail pour créer votre compte ou vous connecter. Il est valable 7 jours.",
    unknownUai: (uai: string) =>
      `Aucun établissement ne correspond à l'UAI ${uai}. Vérifiez l'UAI (7 chiffres et une lettre) ou contactez le support Pix.`,
    ambiguousUai: (uai: string) =>
      `Plusieurs établissements correspondent à l'UAI ${uai} : nous ne pouvons pas savoir lequel activer. Contactez le support Pix.`,
    noOfficialEmail:
      "Nous n'avons pas d'adresse e-mail officielle pour cet établissement. Contactez le support Pix pour activer son espace.",
    alreadyActivated:
      "Cet espace est déjà activé. Pour le rejoindre, demandez une invitation à l'un de ses administrateurs ; si vous avez déjà un compte, connectez-vous.",
    tooMany: (minutes: number) =>
      `Une invitation vient déjà d'être envoyée plusieurs fois pour cet établissement. Consultez sa boîte e-mail officielle ou réessayez dans ${plural(minutes, "minute", "minutes")}.`,
    back: "Retour à la connexion",
  },

  invitation: {
    title: (schoolName: string) => `Rejoindre ${schoolName} sur Pix Orga`,
    intro: (schoolName: string, role: string) =>
      `Vous êtes invité à rejoindre l'espace Pix Orga de ${schoolName} avec le rôle « ${role} ».`,
    invalid:
      "Cette invitation n'est plus valable : elle a expiré, a été annulée ou a déjà été acceptée. Demandez-en une nouvelle à un administrateur de l'établissement.",
    createAccountTitle: "Je n'ai pas de compte Pix Orga",
    createAccountSubmit: "Créer mon compte et rejoindre l'établissement",
    signInTitle: "J'ai déjà un compte Pix Orga",
    signInSubmit: "Me connecter et rejoindre l'établissement",
    acceptAsTitle: (name: string) => `Vous êtes connecté en tant que ${name}.`,
    acceptSubmit: "Rejoindre l'établissement",
    notYou: "Ce n'est pas vous ? Déconnectez-vous d'abord.",
    signOutToAccept:
      "Déconnectez-vous : vous reviendrez sur cette invitation pour vous connecter avec le compte de l'adresse invitée, ou le créer.",
    emailTaken:
      "Un compte Pix Orga existe déjà avec cette adresse e-mail : rechargez la page et connectez-vous avec ce compte.",
    boundTo: (email: string) =>
      `Cette invitation a été envoyée à ${email}. Elle ne peut être acceptée qu'avec le compte Pix Orga de cette adresse.`,
    createAccountEmailHint: "Votre compte sera créé avec l'adresse à laquelle l'invitation a été envoyée.",
    signInEmailHint: "Connectez-vous avec le compte de l'adresse à laquelle l'invitation a été envoyée.",
    wrongAccount: (email: string) =>
      `Cette invitation a été envoyée à ${email} : elle ne peut être acceptée qu'avec le compte Pix Orga de cette adresse.`,
    signedInAsOther: (name: string, email: string) =>
      `Vous êtes connecté en tant que ${name} (${email}), qui n'est pas l'adresse invitée.`,
    alreadyMember: "Vous êtes déjà membre de cet établissement.",
  },

  cgu: {
    title: "Conditions générales d'utilisation de Pix Orga",
    intro: "Avant d'utiliser Pix Orga, prenez connaissance des conditions d'utilisation et acceptez-les.",
    paragraphs: [
      "Pix Orga permet aux personnels d'un établissement scolaire de suivre la participation de leurs élèves aux parcours Pix.",
      "Vous vous engagez à n'utiliser les données des élèves (noms, classes, dates de naissance, résultats) que pour l'accompagnement pédagogique de vos élèves, et à ne pas les communiquer à des tiers.",
      "Les comptes sont personnels : ne partagez pas votre mot de passe. Les administrateurs de l'établissement gèrent les membres et retirent l'accès des personnels qui quittent l'établissement.",
      "Les données des élèves sont importées depuis SIECLE sous la responsabilité du chef d'établissement. Elles sont conservées le temps de l'année scolaire et de son suivi.",
      "Les actions sensibles (invitations, changements de rôle, retraits de membres) sont journalisées.",
    ],
    submit: "Accepter et continuer",
  },

  shell: {
    appName: "Pix Orga",
    nav: {
      label: "Navigation principale",
      campaigns: "Campagnes",
      learners: "Élèves",
      classes: "Classes",
      team: "Équipe",
      import: "Import",
    },
    schoolSwitcher: "Changer d'établissement",
    switchSubmit: "Changer",
    userMenu: "Menu du compte",
    myAccount: "Mon compte",
    skipToContent: "Aller au contenu",
  },

  team: {
    title: "Équipe",
    membersHeading: "Membres",
    columns: { lastName: "Nom", firstName: "Prénom", email: "Adresse e-mail", role: "Rôle", actions: "Actions" },
    you: "(vous)",
    blocked: "Compte bloqué",
    readOnly: "Seuls les administrateurs de l'établissement peuvent inviter des membres et gérer l'équipe.",
    inviteHeading: "Inviter des membres",
    inviteSubmit: "Envoyer les invitations",
    invitationsSent: (count: number) => `${plural(count, "invitation a été envoyée", "invitations ont été envoyées")}.`,
    invitationsSkippedMembers: (count: number) =>
      count === 1
        ? "1 adresse appartient déjà à un membre de l'établissement : aucune invitation ne lui a été envoyée."
        : `${count} adresses appartiennent déjà à des membres de l'établissement : aucune invitation ne leur a été envoyée.`,
    invitationsHeading: "Invitations en attente",
    noInvitations: "Aucune invitation en attente.",
    invitationColumns: {
      email: "Adresse e-mail",
      role: "Rôle",
      sentAt: "Envoyée le",
      status: "État",
      actions: "Actions",
    },
    invitationExpired: "Expirée",
    invitationPending: "En attente",
    resend: "Renvoyer",
    resent: "L'invitation a été renvoyée.",
    cancel: "Annuler l'invitation",
    cancelled: "L'invitation a été annulée.",
    changeRole: "Modifier le rôle",
    changeRoleFor: (name: string) => `Rôle de ${name}`,
    saveRole: "Enregistrer",
    roleChanged: "Le rôle a été modifié.",
    remove: "Retirer de l'équipe",
    removeFor: (name: string) => `Retirer ${name} de l'équipe`,
    removeConfirm: "Ses campagnes restent dans l'établissement.",
    removed: "Le membre a été retiré de l'équipe. Ses campagnes restent dans l'établissement.",
    leave: "Quitter l'établissement",
    leaveConfirm: (schoolName: string) =>
      `Vous n'aurez plus accès à l'espace Pix Orga de ${schoolName}. Vos campagnes restent dans l'établissement.`,
    leaveSubmit: "Confirmer : quitter l'établissement",
    left: "Vous avez quitté l'établissement.",
    unblock: "Débloquer",
    unblockFor: (name: string) => `Débloquer le compte de ${name}`,
    unblocked: "Le compte a été débloqué.",
    lastAdmin: "L'établissement doit garder au moins un administrateur : nommez d'abord un autre administrateur.",
    memberNotFound: "Ce membre ne fait plus partie de l'établissement.",
    invitationNotFound: "Cette invitation n'existe plus ou a déjà été acceptée.",
  },

  account: {
    title: "Mon compte",
    identityHeading: "Mes informations",
    schoolsHeading: "Mes établissements",
    passwordHeading: "Changer de mot de passe",
    passwordSubmit: "Changer le mot de passe",
    passwordChanged: "Votre mot de passe a été modifié. Vos autres sessions ont été fermées.",
    wrongCurrentPassword: "Le mot de passe actuel est incorrect.",
    current: "établissement actuel",
    switchTo: "Passer sur cet établissement",
  },

  mail: {
    invitationSubject: (schoolName: string) => `Invitation à rejoindre ${schoolName} sur Pix Orga`,
    invitationBody: (schoolName: string, role: string, link: string, days: number) =>
      [
        "Bonjour,",
        "",
        `Vous êtes invité à rejoindre l'espace Pix Orga de ${schoolName} avec le rôle « ${role} ».`,
        "",
        "Pour accepter l'invitation, ouvrez ce lien :",
        link,
        "",
        `Ce lien est valable ${days} jours et ne sert qu'une fois.`,
        "Si vous n'attendiez pas cette invitation, ignorez cet e-mail.",
        "",
        "L'équipe Pix",
      ].join("\n"),
    activationSubject: (schoolName: string) => `Activez l'espace Pix Orga de ${schoolName}`,
    activationBody: (schoolName: string, uai: string, link: string, days: number) =>
      [
        "Bonjour,",
        "",
        `Une demande d'activation de l'espace Pix Orga de ${schoolName} (UAI ${uai}) a été faite.`,
        "Cet e-mail est envoyé à l'adresse officielle de l'établissement.",
        "",
        "La personne qui ouvre ce lien devient administrateur de l'espace de l'établissement : transmettez-le au chef d'établissement ou à la personne qu'il a désignée.",
        link,
        "",
        `Ce lien est valable ${days} jours et ne sert qu'une fois.`,
        "Si personne n'a fait cette demande, ignorez cet e-mail.",
        "",
        "L'équipe Pix",
      ].join("\n"),
    resetSubject: "Réinitialisation de votre mot de passe Pix Orga",
    resetBody: (link: string, minutes: number) =>
      [
        "Bonjour,",
        "",
        "Vous avez demandé à changer le mot de passe de votre compte Pix Orga. Ouvrez ce lien pour en choisir un nouveau :",
        link,
        "",
        `Ce lien est valable ${minutes} minutes et ne sert qu'une fois.`,
        "Si vous n'avez rien demandé, ignorez cet e-mail : votre mot de passe reste inchangé.",
        "",
        "L'équipe Pix",
      ].join("\n"),
  },

  errors: {
    forbidden: "Seul un administrateur de l'établissement peut faire cette action.",
    notMember: "Vous n'êtes pas membre de cet établissement.",
    cguRequired: "Acceptez d'abord les conditions générales d'utilisation de Pix Orga.",
    generic: "Une erreur est survenue. Réessayez dans quelques instants.",
  },
} as const;
