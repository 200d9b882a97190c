/**
 * The demo school and its accounts, created by the seed on the embedded demo database (or when
 * asked with `--demo`). These are demo credentials for a local demo (also printed by `npm start`
 * and written in the README); a real deployment never gets them: see `wantsDemo` and
 * `assertDemoAllowed` below.
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

/**
 * Whether a process should seed the demo (school, accounts, SIECLE sample, campaigns): on the
 * embedded default database (no DATABASE_URL), or when asked with `--demo`. `--base` (the demo's
 * first level, which the end-to-end runner seeds) is an explicit request too. Read DATABASE_URL
 * before `prepareDatabase`, which sets it to the embedded database's address.
 */
export function wantsDemo(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.DATABASE_URL || argv.includes("--demo") || argv.includes("--base");
}

export const DEMO_REFUSED_IN_PRODUCTION =
  "Refusé : NODE_ENV=production. Les comptes de démonstration (mot de passe publié) ne sont jamais créés en production. " +
  "Pour un serveur réel : DATABASE_URL=… npm start (sans --demo) charge le contenu seul ; créez l'établissement avec " +
  "`npm run cli -- school:create` et rechargez le contenu avec `npm run cli -- content:load`.";

export const DEMO_NEEDS_FLAG =
  "DATABASE_URL désigne une base réelle : le seed n'y crée les données de démonstration (comptes au mot de passe publié) " +
  "que sur demande explicite (`npm run db:seed -- --demo`). Pour charger le contenu seul : `npm run cli -- content:load`.";

export class DemoRefusedError extends Error {
  constructor(message = DEMO_REFUSED_IN_PRODUCTION) {
    super(message);
    this.name = "DemoRefusedError";
  }
}

/** Throws DemoRefusedError when NODE_ENV=production: demo accounts are never created there. */
export function assertDemoAllowed(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV === "production") throw new DemoRefusedError();
}
