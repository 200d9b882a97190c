// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.
import { MigrationError } from "../src/lib/migrations";
import { prepareDatabase } from "../src/lib/prepare-database";

try {
  const { embedded, description } = await prepareDatabase({ log: (line) => console.log(line) });
  console.log(`Base de données à jour : ${description}`);
  await embedded?.stop();
  process.exit(0);
} catch (error) {
  console.error(error instanceof MigrationError ? `Erreur : ${error.message}` : error);
  process.exit(1);
}
