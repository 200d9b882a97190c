import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * A small reader of our own `prisma/schema/*.prisma` files, enough to compare them with the
 * migrated database: Prisma 7's generated client no longer ships the full DMMF, and the engine
 * that could print it cannot be downloaded here.
 */
export type SchemaField = {
  name: string;
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
  relation: boolean;
  unique: boolean;
  id: boolean;
};
export type SchemaModel = {
  name: string;
  table: string;
  fields: SchemaField[];
  uniques: string[][];
  primaryKey: string[] | null;
};

export function readPrismaSchema(dir = path.resolve("prisma/schema")): SchemaModel[] {
  const text = readdirSync(dir)
    .filter((file) => file.endsWith(".prisma"))
    .map((file) => readFileSync(path.join(dir, file), "utf8"))
    .join("\n");
  const enums = new Set([...text.matchAll(/^enum\s+(\w+)/gm)].map((match) => match[1]!));
  const modelNames = new Set([...text.matchAll(/^model\s+(\w+)/gm)].map((match) => match[1]!));
  const models: SchemaModel[] = [];
  for (const match of text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, name, body] = match as unknown as [string, string, string];
    const model: SchemaModel = { name, table: name, fields: [], uniques: [], primaryKey: null };
    for (const raw of body.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      if (!line) continue;
      const block = line.match(/^@@(\w+)\((.*)\)$/);
      if (block) {
        const [, kind, args] = block as unknown as [string, string, string];
        if (kind === "map") model.table = args.replace(/"/g, "");
        const fields = args
          .match(/^\[([^\]]*)\]/)?.[1]
          ?.split(",")
          .map((field) => field.trim());
        if (kind === "unique" && fields) model.uniques.push(fields);
        if (kind === "id" && fields) model.primaryKey = fields;
        continue;
      }
      const field = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/);
      if (!field) continue;
      const [, fieldName, type, list, optional, attributes] = field as unknown as [
        string,
        string,
        string,
        string | undefined,
        string | undefined,
        string,
      ];
      model.fields.push({
        name: fieldName,
        column: attributes.match(/@map\("([^"]+)"\)/)?.[1] ?? fieldName,
        type,
        optional: optional === "?",
        list: list === "[]",
        relation: modelNames.has(type),
        unique: /@unique\b/.test(attributes),
        id: /@id\b/.test(attributes),
      });
    }
    models.push(model);
  }
  void enums;
  return models;
}
