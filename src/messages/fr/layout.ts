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
  footer: { label: "Informations légales", privacy: "Données personnelles" },
} as const;
