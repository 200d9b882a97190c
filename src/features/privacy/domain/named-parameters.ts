/**
 * Turns the inventory's `:name` parameters into PostgreSQL's positional ones (`$1::int`), with the
 * values in order: each statement gets exactly the parameters it uses (PostgreSQL refuses extra
 * ones). `::type` casts are left alone. Dates become UTC timestamps without a zone, as the
 * `timestamp(3)` columns hold them.
 */
export function bindNamedParameters<P extends Record<string, unknown>>(
  sql: string,
  values: P,
  types: Record<keyof P, string>,
): { sql: string; values: unknown[] } {
  const order: (keyof P)[] = [];
  const bound = sql.replace(/(?<![:\w]):([a-zA-Z][a-zA-Z0-9]*)/g, (_match, name: string) => {
    if (!(name in types)) throw new Error(`bindNamedParameters: unknown parameter :${name}`);
    let index = order.indexOf(name);
    if (index === -1) index = order.push(name) - 1;
    return `$${index + 1}::${types[name]}`;
  });
  return {
    sql: bound,
    values: order.map((name) => {
      const value = values[name];
      return value instanceof Date ? value.toISOString().replace("Z", "") : value;
    }),
  };
}
