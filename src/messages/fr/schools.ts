/** French wording for creating a school (operator CLI). */
export const schoolMessages = {
  invalidUai: (uai: string) =>
    `L'UAI « ${uai} » n'est pas valide : 7 chiffres suivis d'une lettre (par exemple 0751234X).`,
  nameRequired: "Le nom de l'établissement est obligatoire.",
  invalidEmail: (email: string) => `L'adresse « ${email} » n'est pas une adresse e-mail valide.`,
  uaiTaken: (uai: string) => `Un établissement actif porte déjà l'UAI ${uai}.`,
};
