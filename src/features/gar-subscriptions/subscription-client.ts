/**
 * The one adapter of the subscription port: the GAR's web service over HTTPS with mutual TLS (the
 * client certificate and key the GAR issued from our CSR), PUT / GET / DELETE {GAR_WS_URL}/{id},
 * XML bodies in the service's namespace. Node's https, no HTTP library: a single request shape.
 */
import https from "node:https";

import { env } from "@/lib/env";

import { buildSubscriptionXml, parseSubscriptionXml, parseTargetAudience } from "./domain/subscription-body";
import type { TargetAudience } from "./domain/subscription-body";
import type { GarSubscriptionPort, SubscriptionCallResult } from "./types";

export type SubscriptionClientOptions = {
  baseUrl: string;
  cert: string;
  key: string;
  /** Trusted CA(s) of the service; default: Node's bundled CAs. */
  ca?: string;
  timeoutMs: number;
};

export type SubscriptionSettings = {
  distributorId: string;
  resourceId: string;
  targetAudience: TargetAudience[];
};

const MAX_ANSWER_BYTES = 256 * 1024;
const TLS_ERRORS = /^(ERR_SSL|ERR_TLS|EPROTO|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ECONNRESET_TLS)/;

function classifyNetworkError(error: NodeJS.ErrnoException): SubscriptionCallResult {
  const code = error.code ?? "";
  // A server refusing our certificate ends the handshake with an alert: OpenSSL reports it as
  // an SSL error or, when the socket is already gone, as a reset during the handshake.
  const isTls = TLS_ERRORS.test(code) || /alert|handshake|certificate|ssl/i.test(error.message);
  return {
    ok: false,
    errorCode: isTls ? "TLS" : "NETWORK",
    detail: `${code || error.name}: ${error.message}`.slice(0, 500),
  };
}

export function createSubscriptionClient(options: SubscriptionClientOptions): GarSubscriptionPort {
  const agent = new https.Agent({
    cert: options.cert,
    key: options.key,
    ...(options.ca ? { ca: options.ca } : {}),
    keepAlive: false,
    minVersion: "TLSv1.2",
  });
  const base = options.baseUrl.replace(/\/+$/, "");

  function call(method: "PUT" | "GET" | "DELETE", id: string, body?: string): Promise<SubscriptionCallResult> {
    const url = new URL(`${base}/${encodeURIComponent(id)}`);
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: SubscriptionCallResult) => {
        if (settled) return;
        settled = true;
        resolve(result);
      };
      let handshakeDone = false;
      let responded = false;
      const request = https.request(
        url,
        {
          method,
          agent,
          headers: {
            Accept: "application/xml",
            ...(body !== undefined
              ? { "Content-Type": "application/xml; charset=utf-8", "Content-Length": Buffer.byteLength(body) }
              : {}),
          },
          timeout: options.timeoutMs,
        },
        (response) => {
          responded = true;
          const chunks: Buffer[] = [];
          let size = 0;
          response.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
          });
          response.on("error", (error) => finish(classifyNetworkError(error)));
          response.on("end", () => {
            const status = response.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString("utf8");
            if (method === "GET" && status === 404) return finish({ ok: true, httpStatus: status, subscription: null });
            if (method === "DELETE" && status === 404) return finish({ ok: true, httpStatus: status });
            if (status >= 500)
              return finish({ ok: false, errorCode: "HTTP_5XX", httpStatus: status, detail: text.slice(0, 500) });
            if (status < 200 || status >= 300)
              return finish({ ok: false, errorCode: "HTTP_4XX", httpStatus: status, detail: text.slice(0, 500) });
            if (method === "GET") {
              const subscription = parseSubscriptionXml(text);
              if (!subscription)
                return finish({
                  ok: false,
                  errorCode: "INVALID_RESPONSE",
                  httpStatus: status,
                  detail: "réponse illisible",
                });
              return finish({ ok: true, httpStatus: status, subscription });
            }
            finish({ ok: true, httpStatus: status });
          });
        },
      );
      request.on("socket", (socket) => {
        socket.once("secureConnect", () => {
          handshakeDone = true;
        });
      });
      request.on("timeout", () => {
        request.destroy();
        finish({ ok: false, errorCode: "TIMEOUT", detail: `pas de réponse en ${options.timeoutMs} ms` });
      });
      request.on("error", (error: NodeJS.ErrnoException) => {
        const result = classifyNetworkError(error);
        // Closed by the server with no answer at all, during the handshake (TLS 1.2) or right after
        // it (TLS 1.3, where the server checks our certificate once the client thinks it is done):
        // the server refused our client certificate.
        if (!result.ok && error.code === "ECONNRESET" && !responded)
          return finish({
            ...result,
            errorCode: "TLS",
            detail: `${handshakeDone ? "connexion fermée juste après la négociation TLS" : "négociation TLS interrompue"} : certificat client refusé ? (${error.message})`,
          });
        finish(result);
      });
      request.end(body);
    });
  }

  return {
    put: (subscription) => call("PUT", subscription.idAbonnement, buildSubscriptionXml(subscription)),
    get: (id) => call("GET", id),
    delete: (id) => call("DELETE", id),
  };
}

/** The client and the subscription's constants from the environment; null when GAR_WS_URL is unset. */
export function configuredSubscriptionClient(): { client: GarSubscriptionPort; settings: SubscriptionSettings } | null {
  const config = env();
  if (!config.GAR_WS_URL) return null;
  if (!config.GAR_WS_CERT || !config.GAR_WS_KEY || !config.GAR_DISTRIBUTOR_ID)
    throw new Error("GAR_WS_URL demande GAR_WS_CERT, GAR_WS_KEY et GAR_DISTRIBUTOR_ID (README, abonnements GAR).");
  const targetAudience = parseTargetAudience(config.GAR_WS_TARGET_AUDIENCE);
  if (!targetAudience)
    throw new Error(
      "GAR_WS_TARGET_AUDIENCE : ELEVE, ENSEIGNANT, DOCUMENTALISTE ou AUTRE PERSONNEL, séparés par des virgules.",
    );
  return {
    client: createSubscriptionClient({
      baseUrl: config.GAR_WS_URL,
      cert: config.GAR_WS_CERT,
      key: config.GAR_WS_KEY,
      ca: config.GAR_WS_CA,
      timeoutMs: config.GAR_WS_TIMEOUT_MS,
    }),
    settings: { distributorId: config.GAR_DISTRIBUTOR_ID, resourceId: config.GAR_RESOURCE_ID, targetAudience },
  };
}

/** Whether this server manages schools' subscriptions (GAR_WS_URL set). */
export function areSubscriptionsManaged(): boolean {
  return Boolean(env().GAR_WS_URL);
}
