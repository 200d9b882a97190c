/**
 * The demo school and its accounts, created by the seed on the embedded demo database. These are
 * demo credentials for a local demo (also printed by `npm start` and written in the README); a
 * real deployment never runs the seed.
 */
export const DEMO_SCHOOL = {
  name: "Collège Jean Moulin — démo",
  uai: "0999001W",
  officialEmail: "ce.0999001w@ac-demo.fr",
} as const;

export const DEMO_ADMIN = {
  email: "direction@jean-moulin.demo",
  password: "Demo-Pix-Orga-2026",
  firstName: "Claire",
  lastName: "Durand",
} as const;

export const DEMO_MEMBER = {
  email: "professeur@jean-moulin.demo",
  password: "Demo-Pix-Orga-2026",
  firstName: "Karim",
  lastName: "Benali",
} as const;
