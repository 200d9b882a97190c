import type { TestProject } from "vitest/node";

import { applyMigrations } from "../../src/lib/migrations";
import { createThrowawayDatabase } from "../support/throwaway-database";

/**
 * A fresh database per run, migrated with the project's own runner: from TEST_DATABASE_URL,
 * else DATABASE_URL, else the local server; on a machine with no PostgreSQL server, the embedded
 * one (and we say so).
 */
export default async function setup(project: TestProject) {
  const database = await createThrowawayDatabase("pix_orga_test");
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
  process.env.DATABASE_URL = database.url;
  return database.drop;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
