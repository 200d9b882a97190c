/**
 * JSON-lines logger. Students are minors and the Ministry is the data controller: never pass
 * names, birth dates, INE, GAR ids (IDO), e-mail addresses or tokens. Keys that usually hold such
 * data are redacted anyway, as a second line of defence.
 */
type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const SENSITIVE_SUBSTRING =
  /(name|prenom|birth|naiss|nationalstudentid|garid|externalid|email|password|token|secret|cookie|verifier)/i;
const SENSITIVE_EXACT = new Set(["ine", "ido", "sub", "nom", "pre", "claims", "uai_student"]);

function isSensitiveKey(key: string): boolean {
  return SENSITIVE_EXACT.has(key.toLowerCase()) || SENSITIVE_SUBSTRING.test(key);
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSensitiveKey(key) ? "[redacted]" : redact(item, depth + 1);
  }
  return out;
}

function threshold(): number {
  const level = (process.env.LOG_LEVEL as Level | undefined) ?? (process.env.NODE_ENV === "test" ? "warn" : "info");
  return order[level] ?? order.info;
}

function write(level: Level, event: string, data?: Record<string, unknown>): void {
  if (order[level] < threshold()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...(redact(data ?? {}) as object) });
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const logger = {
  debug: (event: string, data?: Record<string, unknown>) => write("debug", event, data),
  info: (event: string, data?: Record<string, unknown>) => write("info", event, data),
  warn: (event: string, data?: Record<string, unknown>) => write("warn", event, data),
  error: (event: string, data?: Record<string, unknown>) => write("error", event, data),
};
