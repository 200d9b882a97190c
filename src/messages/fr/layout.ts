export const layoutText = {
  orgaNav: {
    label: "Navigation principale",
    home: "Accueil",
    campaigns: "Campagnes",
    learners: "Élèves",
    classes: "Classes",
    team: "Équipe",
    import: "Import",
    journal: "Journal",
    offboarding: "Départ de l'établissement",
  },
  account: "Mon compte",
  signOut: "Se déconnecter",
  currentSchool: "Établissement",
  switchSchool: "Changer d'établissement",
  roleLabel: { ADMIN: "Administrateur", MEMBER: "Membre" },
  footer: {
    label: "Informations légales",
    privacy: "Données personnelles",
    legal: "Mentions légales",
    accessibility: "Accessibilité : non conforme",
  },
  /** /mentions-legales (loi n° 2004-575 du 21 juin 2004, article 6). */
  legal: {
    title: "Mentions légales",
    publisherTitle: "Éditeur du service",
    directorTitle: "Directeur de la publication",
    hostTitle: "Hébergement du service et des données",
    contactTitle: "Contact",
    dataTitle: "Données personnelles",
    data: "Ce que le service garde, pourquoi, combien de temps, et comment exercer vos droits : voir la page Données personnelles.",
    dataLink: "Données personnelles",
    /** When the operator of this instance has not configured a line. */
    undeclared: "Non renseigné par l'exploitant de ce service.",
    undeclaredWarning:
      "Certaines informations ci-dessous ne sont pas encore renseignées par l'exploitant de ce service : ce n'est pas normal pour un service ouvert aux établissements.",
  },
  accessibility: {
    title: "Déclaration d'accessibilité",
    intro:
      "Pix Orga et l'application élève s'engagent à rendre leurs services accessibles, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s'applique à l'ensemble des pages de Pix Orga et de l'application élève.",
    statusTitle: "État de conformité",
    status:
      "Le service est non conforme avec le référentiel général d'amélioration de l'accessibilité (RGAA) : aucun audit de conformité complet n'a encore été réalisé.",
    testsTitle: "Ce qui est vérifié aujourd'hui",
    tests:
      "Chaque version est testée automatiquement dans un vrai navigateur avec l'outil axe-core : les pages d'Orga (connexion, élèves, équipe, compte, effacement des données, journal, départ de l'établissement) et de l'application élève doivent n'avoir aucun défaut grave ou critique détecté, sinon la version est refusée. Les formulaires sont utilisables au clavier, leurs erreurs sont annoncées et liées aux champs. Ces tests automatiques ne détectent qu'une partie des défauts : ils ne remplacent pas un audit.",
    contactTitle: "Retour d'information et contact",
    contact:
      "Si vous n'arrivez pas à accéder à un contenu ou à un service, adressez-vous à l'établissement ou au support de Pix Orga pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.",
    supportContact: (contact: string) => `Support de Pix Orga : ${contact}`,
    recourseTitle: "Voies de recours",
    recourse:
      "Si vous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez écrire au Défenseur des droits (formulaire en ligne sur defenseurdesdroits.fr), contacter le délégué du Défenseur des droits de votre région, ou envoyer un courrier gratuit : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
  },
} as const;
