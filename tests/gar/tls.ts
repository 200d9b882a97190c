/**
 * Test PKI of the subscription web service stand-in, generated at each start (never committed):
 * its own CA, the service's server certificate (localhost / 127.0.0.1), the client certificate
 * the "GAR" issues to Pix, and — for tests — a client certificate of another CA, which the
 * service must refuse at the handshake. Development and tests only.
 */
import { generate } from "selfsigned";

export type PemPair = { key: string; cert: string };
export type SubscriptionTestPki = {
  ca: PemPair;
  server: PemPair;
  /** What the GAR would issue to Pix from its CSR: GAR_WS_CERT / GAR_WS_KEY. */
  client: PemPair;
  /** Signed by another CA: refused. */
  rogueClient: PemPair;
};

const DAY = 24 * 60 * 60 * 1000;

async function authority(commonName: string): Promise<PemPair> {
  const pems = await generate([{ name: "commonName", value: commonName }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate: new Date(Date.now() + 30 * DAY),
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

async function issued(ca: PemPair, commonName: string, usage: "server" | "client"): Promise<PemPair> {
  const pems = await generate([{ name: "commonName", value: commonName }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate: new Date(Date.now() + 30 * DAY),
    ca,
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      usage === "server" ? { name: "extKeyUsage", serverAuth: true } : { name: "extKeyUsage", clientAuth: true },
      ...(usage === "server"
        ? [
            {
              name: "subjectAltName" as const,
              altNames: [
                { type: 2 as const, value: "localhost" },
                { type: 7 as const, ip: "127.0.0.1" },
              ],
            },
          ]
        : []),
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

export async function generateSubscriptionTestPki(): Promise<SubscriptionTestPki> {
  const ca = await authority("GAR stand-in test CA");
  const rogueCa = await authority("Another CA");
  const [server, client, rogueClient] = await Promise.all([
    issued(ca, "localhost", "server"),
    issued(ca, "pix-distributeur-test", "client"),
    issued(rogueCa, "pix-distributeur-test", "client"),
  ]);
  return { ca, server, client, rogueClient };
}
