import type { GarSubscriptionBody, ReadSubscription } from "./domain/subscription-body";

/** Why a call to the subscription web service failed (stable codes, recorded and shown in words). */
export type SubscriptionCallErrorCode =
  /** The TLS handshake failed (our certificate refused, or theirs not trusted). */
  | "TLS"
  /** No connection (DNS, refused, reset). */
  | "NETWORK"
  | "TIMEOUT"
  /** The GAR refused the request (body, rights, unknown subscription…). */
  | "HTTP_4XX"
  /** The GAR failed (5xx): retried with back-off. */
  | "HTTP_5XX"
  /** A success status with a body we cannot read. */
  | "INVALID_RESPONSE";

export type SubscriptionCallResult =
  | { ok: true; httpStatus: number; subscription?: ReadSubscription | null }
  | { ok: false; errorCode: SubscriptionCallErrorCode; httpStatus?: number; detail: string };

/** The port: the GAR's subscription web service (one adapter, subscription-client.ts). */
export type GarSubscriptionPort = {
  /** Creates or updates the subscription (PUT …/{idAbonnement}). */
  put(body: GarSubscriptionBody): Promise<SubscriptionCallResult>;
  /** Reads it (GET …/{idAbonnement}); a 404 is `ok` with `subscription: null`. */
  get(idAbonnement: string): Promise<SubscriptionCallResult>;
  /** Deletes it (DELETE …/{idAbonnement}); a 404 counts as done. */
  delete(idAbonnement: string): Promise<SubscriptionCallResult>;
};

/**
 * "Run this subscription's sync again later": the job queue when there is one; without it the
 * row's `next_attempt_at` is the record and `gar:subscriptions --sync` (or its schedule) picks it up.
 */
export type SubscriptionRetryScheduler = {
  scheduleRetry(subscriptionRowId: number, runAt: Date): Promise<void>;
};

export type GarSubscriptionStatusValue = "PENDING" | "ACTIVE" | "FAILED" | "DELETED";

/** A school's subscription as the checklist and the CLI show it. */
export type SchoolSubscriptionView = {
  subscriptionId: string;
  uai: string;
  schoolYear: number;
  startsOn: string;
  endYear: number;
  targetAudience: string[];
  desiredPresent: boolean;
  status: GarSubscriptionStatusValue;
  lastErrorCode: string | null;
  lastCallAt: Date | null;
  nextAttemptAt: Date | null;
  failures: number;
};
