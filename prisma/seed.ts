import { pathToFileURL } from "node:url";

import type { DbClient } from "../src/lib/db";
import { hashPassword, verifyPassword } from "../src/lib/password";
import { DEMO_ADMIN, DEMO_MEMBER, DEMO_SCHOOL } from "./demo-accounts";

/**
 * Demo data, idempotent: running it twice changes nothing. Step 0 is the school as the operator
 * CLI would create it; then its accounts.
 */
export async function seed(db: DbClient, log: (line: string) => void = () => {}): Promise<void> {
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
  const { prepareDatabase } = await import("../src/lib/prepare-database");
  const { embedded, description } = await prepareDatabase();
  const { prisma, disconnectPrisma } = await import("../src/lib/db");
  await seed(prisma, (line) => console.log(line));
  console.log(`Données de démonstration à jour (${description}).`);
  await disconnectPrisma();
  await embedded?.stop();
}
