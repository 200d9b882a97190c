import { spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

// The secret scan of `npm run lint` runs secretlint with the repository's .secretlintrc.json:
// this checks that configuration really catches what must never be committed.
const root = path.resolve(import.meta.dirname, "..");
const folder = mkdtempSync(path.join(tmpdir(), "secret-scan-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function scan(content: string): number | null {
  const file = path.join(folder, `sample-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, content);
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules/secretlint/bin/secretlint.js"),
      "--secretlintrc",
      path.join(root, ".secretlintrc.json"),
      file,
    ],
    { cwd: folder, encoding: "utf8" },
  );
  return result.status;
}

describe("the secret scan", () => {
  it("refuses a private key", () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    expect(scan(`export const key = \`${privateKey.export({ type: "pkcs8", format: "pem" }).toString()}\`;\n`)).toBe(1);
  });

  it("refuses database and SMTP URLs that carry a password", () => {
    // Assembled here so that this file does not itself hold what the scan refuses.
    const password = ["Zq8", "vLr2", "Tt9"].join("-");
    expect(scan(`const url = "${["postgresql://pix", password].join(":")}@db.academie.example:5432/pix";\n`)).toBe(1);
    expect(scan(`const url = "${["smtps://pix", password].join(":")}@smtp.academie.example:465";\n`)).toBe(1);
  });

  it("lets documented placeholders and the local server through", () => {
    expect(
      scan(
        [
          "// postgresql://user:password@host:5432/pix_orga",
          "// smtp://user:password@host:587",
          'const local = "postgresql://postgres@127.0.0.1:5432/test";',
          "",
        ].join("\n"),
      ),
    ).toBe(0);
  });
});
