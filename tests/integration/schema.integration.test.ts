import { describe, expect, it } from "vitest";

import { prisma } from "../../src/lib/db";
import { readPrismaSchema } from "./prisma-schema-reader";

/**
 * The migrations and the Prisma schema must describe the same database: every model's table,
 * columns, nullability and unique constraints are compared with the migrated database.
 */
type Column = { table_name: string; column_name: string; is_nullable: "YES" | "NO" };

describe("schema and migrations agree", () => {
  it("has every model's table and columns with the same nullability", async () => {
    const columns = await prisma.$queryRaw<Column[]>`
      SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`;
    const byTable = new Map<string, Map<string, Column>>();
    for (const column of columns) {
      if (!byTable.has(column.table_name)) byTable.set(column.table_name, new Map());
      byTable.get(column.table_name)!.set(column.column_name, column);
    }
    const models = readPrismaSchema();
    expect(models.length).toBeGreaterThan(10);
    const problems: string[] = [];
    const modelTables = new Set<string>();
    for (const model of models) {
      const table = model.table;
      modelTables.add(table);
      const dbColumns = byTable.get(table);
      if (!dbColumns) {
        problems.push(`missing table ${table}`);
        continue;
      }
      const scalarFields = model.fields.filter((field) => !field.relation);
      for (const field of scalarFields) {
        const name = field.column;
        const column = dbColumns.get(name);
        if (!column) problems.push(`missing column ${table}.${name}`);
        else if (!field.list && (column.is_nullable === "YES") !== field.optional) {
          problems.push(`nullability differs on ${table}.${name}`);
        }
      }
      const fieldColumns = new Set(scalarFields.map((field) => field.column));
      for (const name of dbColumns.keys()) if (!fieldColumns.has(name)) problems.push(`extra column ${table}.${name}`);
    }
    for (const table of byTable.keys()) {
      if (table !== "_prisma_migrations" && !modelTables.has(table)) problems.push(`table ${table} has no model`);
    }
    expect(problems).toEqual([]);
  });

  it("has every unique constraint of the schema, plus the two partial ones", async () => {
    const indexes = await prisma.$queryRaw<{ indexname: string; indexdef: string }[]>`
      SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`;
    const uniques = indexes.filter((index) => index.indexdef.startsWith("CREATE UNIQUE INDEX"));
    const columnsOf = (def: string) =>
      def
        .slice(def.indexOf("(") + 1, def.indexOf(")"))
        .replaceAll('"', "")
        .split(", ")
        .join(",");
    const unique = new Set(
      uniques.map((index) => `${index.indexdef.match(/ON public\.(\w+)/)?.[1]}(${columnsOf(index.indexdef)})`),
    );
    const expected: string[] = [];
    for (const model of readPrismaSchema()) {
      const table = model.table;
      const column = (fieldName: string) => model.fields.find((field) => field.name === fieldName)?.column ?? fieldName;
      for (const field of model.fields.filter((f) => f.unique || f.id)) expected.push(`${table}(${field.column})`);
      for (const fields of model.uniques) expected.push(`${table}(${fields.map(column).join(",")})`);
      if (model.primaryKey) expected.push(`${table}(${model.primaryKey.map(column).join(",")})`);
    }
    expect(expected.length).toBeGreaterThan(25);
    for (const key of expected) expect(unique, key).toContain(key);
    const partial = uniques
      .filter((index) => index.indexdef.includes(" WHERE "))
      .map((index) => index.indexname)
      .sort();
    expect(partial).toEqual(["participations_campaign_id_learner_id_active_key", "schools_uai_active_key"]);
  });

  it("allows one active participation per (campaign, learner) and one active school per UAI", async () => {
    const school = await prisma.school.create({ data: { name: "A", uai: "0999999Z" } });
    await expect(prisma.school.create({ data: { name: "B", uai: "0999999Z" } })).rejects.toThrow();
    await prisma.school.update({ where: { id: school.id }, data: { archivedAt: new Date() } });
    await expect(prisma.school.create({ data: { name: "B", uai: "0999999Z" } })).resolves.toBeTruthy();
  });
});
