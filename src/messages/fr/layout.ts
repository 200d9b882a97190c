export const layoutText = {
  orgaNav: {
    label: "Navigation principale",
    campaigns: "Campagnes",
    learners: "Élèves",
    classes: "Classes",
    team: "Équipe",
    import: "Import",
  },
  account: "Mon compte",
  signOut: "Se déconnecter",
  currentSchool: "Établissement",
  switchSchool: "Changer d'établissement",
  roleLabel: { ADMIN: "Administrateur", MEMBER: "Membre" },
  studentHome: {
    title: "Bienvenue sur Pix",
    intro: "Pix vous permet d'évaluer et de développer vos compétences numériques.",
    howTo: "Pour commencer, connectez-vous à votre ENT, ouvrez le médiacentre puis la ressource « Pix ».",
    signIn: "Se connecter depuis mon ENT",
    staff: "Vous êtes membre du personnel d'un établissement ?",
    staffLink: "Accéder à Pix Orga",
  },
} as const;
