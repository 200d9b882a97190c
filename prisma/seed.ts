import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import type { DbClient } from "../src/lib/db";
import { operatorSchoolId } from "../src/lib/operator";
import { hashPassword, verifyPassword } from "../src/lib/password";
import {
  assertDemoAllowed,
  DEMO_ADMIN,
  DEMO_MEMBER,
  DEMO_NEEDS_FLAG,
  DEMO_SCHOOL,
  DemoRefusedError,
  wantsDemo,
} from "./demo-accounts";

const DEMO_BASE_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "seed-data",
  "ExportXML_ElevesSansAdresses-demo.zip",
);

/** Which parcours each level of the demo collège starts with. */
const DEMO_PARCOURS_BY_LEVEL: Record<string, string> = {
  "6": "rentree-6e",
  "5": "cycle-4-cultures-numeriques",
  "4": "cycle-4-cultures-numeriques",
  "3": "cycle-4-cultures-numeriques",
};

export type SeedOptions = {
  /**
   * "full" (default, `npm start` on the embedded database or with --demo, `npm run db:seed`): the school, its accounts, the content,
   * the learner base imported from SIECLE and one campaign per class, so the demo is usable at
   * once. "base": school, accounts and content only — the end-to-end tests import and create
   * campaigns through the UI themselves.
   */
  level?: "full" | "base";
};

/**
 * Demo data, idempotent: running it twice changes nothing. Step 0 is the school as the operator
 * CLI would create it; then its accounts, the parcours content, the learners and campaigns.
 * Refuses (DemoRefusedError, before writing anything) when NODE_ENV=production. Callers decide
 * whether the demo is wanted (`wantsDemo`): a real database gets the content only
 * (`loadContentVersion`, `npm run cli -- content:load`).
 */
export async function seed(
  db: DbClient,
  log: (line: string) => void = () => {},
  options: SeedOptions = {},
): Promise<void> {
  assertDemoAllowed();
  let school = await db.school.findFirst({ where: { uai: DEMO_SCHOOL.uai, archivedAt: null } });
  if (!school) {
    school = await db.school.create({ data: { ...DEMO_SCHOOL } });
    log(`établissement créé : ${DEMO_SCHOOL.name} (${DEMO_SCHOOL.uai})`);
  }
  for (const [account, role] of [
    [DEMO_ADMIN, "ADMIN"],
    [DEMO_MEMBER, "MEMBER"],
  ] as const) {
    await ensureStaffAccount(db, school.id, account, role);
  }

  const { loadContentVersion } = await import("../src/features/parcours/mutations");
  const content = await loadContentVersion(db);
  log(
    `contenu : version ${content.version.slice(0, 12)} (${content.status === "LOADED" ? "chargée" : "déjà chargée"}) ${JSON.stringify(content.summary)}`,
  );
  if (options.level === "base") return;

  const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO_ADMIN.email } });
  if ((await db.siecleImport.count({ where: { schoolId: school.id, status: "IMPORTED" } })) === 0) {
    const { importSiecleFileFromPath } = await import("../src/features/siecle-import/mutations");
    const imported = await importSiecleFileFromPath({
      schoolId: school.id,
      actorUserId: admin.id,
      filePath: DEMO_BASE_FILE,
    });
    log(
      `base élèves importée : ${imported.status}, ${imported.created} élèves, classes ${imported.divisions.join(", ")}`,
    );
  }

  if ((await db.campaign.count({ where: { schoolId: school.id } })) === 0) {
    const { createCampaignsForClasses } = await import("../src/features/campaigns/mutations");
    const divisions = (
      await db.learner.findMany({
        where: { schoolId: school.id, isDisabled: false },
        distinct: ["division"],
        select: { division: true },
      })
    ).map((l) => l.division);
    const byParcours = new Map<string, string[]>();
    for (const division of divisions) {
      const parcours = DEMO_PARCOURS_BY_LEVEL[division.trim().charAt(0)] ?? "cycle-4-cultures-numeriques";
      byParcours.set(parcours, [...(byParcours.get(parcours) ?? []), division]);
    }
    for (const [targetProfileId, classes] of byParcours) {
      const { created } = await createCampaignsForClasses(
        {
          schoolId: operatorSchoolId(school.id),
          actor: { userId: admin.id, role: "ADMIN" },
          input: { targetProfileId, divisions: classes },
        },
        db,
      );
      for (const campaign of created) log(`campagne ${campaign.division} : code ${campaign.code}`);
    }
  }
}

async function ensureStaffAccount(
  db: DbClient,
  schoolId: number,
  account: { email: string; password: string; firstName: string; lastName: string },
  role: "ADMIN" | "MEMBER",
): Promise<void> {
  let user = await db.user.findUnique({ where: { email: account.email }, include: { authenticationMethods: true } });
  if (!user) {
    user = await db.user.create({
      data: {
        email: account.email,
        firstName: account.firstName,
        lastName: account.lastName,
        cguAcceptedAt: new Date(),
        authenticationMethods: { create: { provider: "PASSWORD", passwordHash: await hashPassword(account.password) } },
      },
      include: { authenticationMethods: true },
    });
  } else {
    const method = user.authenticationMethods.find((m) => m.provider === "PASSWORD");
    if (!method?.passwordHash || !(await verifyPassword(account.password, method.passwordHash))) {
      // The demo password is documented: restore it if someone changed it.
      const passwordHash = await hashPassword(account.password);
      await db.authenticationMethod.upsert({
        where: { provider_userId: { provider: "PASSWORD", userId: user.id } },
        update: { passwordHash },
        create: { provider: "PASSWORD", userId: user.id, passwordHash },
      });
    }
  }
  await db.member.upsert({
    where: { schoolId_userId: { schoolId, userId: user.id } },
    update: {},
    create: { schoolId, userId: user.id, role },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // `npm run db:seed [-- --demo] [-- --base]`: the demo on the embedded database; on DATABASE_URL
  // only with --demo (or --base, the end-to-end runner's level); never with NODE_ENV=production.
  if (!wantsDemo(process.argv)) {
    console.error(DEMO_NEEDS_FLAG);
    process.exit(2);
  }
  try {
    assertDemoAllowed();
  } catch (error) {
    console.error((error as DemoRefusedError).message);
    process.exit(1);
  }
  const { prepareDatabase } = await import("../src/lib/prepare-database");
  const { embedded, description } = await prepareDatabase();
  const { prisma, disconnectPrisma } = await import("../src/lib/db");
  await seed(prisma, (line) => console.log(line), { level: process.argv.includes("--base") ? "base" : "full" });
  console.log(`Données de démonstration à jour (${description}).`);
  await disconnectPrisma();
  await embedded?.stop();
}
