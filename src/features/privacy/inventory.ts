/**
 * The data inventory (docs/decisions/012): every table and column of the database, what it holds
 * about whom, why it is kept, for how long, whether a learner's export carries it and how their
 * erasure treats it. The export (`exportLearnerData`), the erasure (`eraseLearner`), and later the
 * retention jobs and the privacy notice read this module: they cannot drift apart.
 * `inventory.integration.test.ts` compares it with PostgreSQL's catalog, both ways: a column added
 * by a migration and not classified here fails the test.
 *
 * Pure data. The SQL fragments below are constants, never built from input; their `:name`
 * parameters are bound by `bindNamedParameters` (domain/named-parameters.ts) from a
 * `SubjectParameters` record.
 */

/** Whom a table's rows are about. */
export type DataSubject = "learner" | "student-account" | "staff" | "school" | "none";

/**
 * How long rows are kept, as data the retention jobs will run: `months` after the event `from`
 * (null months: as long as `from` lasts). `source` says where the rule comes from.
 */
export type RetentionRule = {
  from:
    | "learner-left-school"
    | "last-sign-in"
    | "created"
    | "expiry"
    | "school-offboarded"
    | "while-school-active"
    | "content-replaced";
  months: number | null;
  /** Days, for short technical periods (added to `months`). */
  days?: number;
  source: string;
};

/**
 * One column. `personal`: identifies or describes a person (names, birth date, INE, GAR id,
 * e-mail, what they typed), or is a secret of theirs. `exported`: the learner's export carries it
 * (secrets never). `erase`: `keep` (not personal, or kept as statistics), or an SQL expression the
 * erasure writes instead of the value.
 */
export type ColumnEntry = {
  personal: boolean;
  exported: boolean;
  erase: "keep" | { set: string };
  /** What the export selects instead of the raw column (e.g. only this learner's import errors). */
  exportAs?: string;
};

/**
 * One table. `rows`: which of its rows concern one learner (an SQL condition; absent: none do).
 * `erase`: what the erasure does to those rows — `keep` (nothing), `anonymise` (the columns'
 * `set`), `delete`; `eraseWhere` narrows the rows erased (default: `rows`).
 */
export type TableEntry = {
  table: string;
  about: DataSubject;
  purpose: string;
  retention: RetentionRule;
  rows?: string;
  erase: "keep" | "anonymise" | "delete";
  eraseWhere?: string;
  columns: Record<string, ColumnEntry>;
};

/** The values bound to the `:name` parameters of `rows`, `eraseWhere`, `set` and `exportAs`. */
export type SubjectParameters = {
  learnerId: number;
  schoolId: number;
  /** The learner's student account, if linked. */
  userId: number | null;
  ine: string;
  /** sha256 (hex) of each GAR id (IDO) of the account, as lockouts and throttle buckets keep them. */
  identityHashes: string[];
  firstName: string;
  lastName: string;
  /** When the learner's row was created: the school's imports since then touched it. */
  learnerCreatedAt: Date;
  /** The anonymous account the erased learner's participations are moved to (erasure only). */
  tombstoneUserId: number | null;
  /** The account is also linked to a learner of another school: the erasure leaves it (ADR 012). */
  accountShared: boolean;
};

export const PARAMETER_TYPES: Record<keyof SubjectParameters, string> = {
  learnerId: "int",
  schoolId: "int",
  userId: "int",
  ine: "text",
  identityHashes: "text[]",
  firstName: "text",
  lastName: "text",
  learnerCreatedAt: "timestamp",
  tombstoneUserId: "int",
  accountShared: "boolean",
};

/** What an anonymised name becomes. Not a word shown to people as such: the rows are disabled. */
export const ANONYMISED_NAME = "ANONYME";

const UTC_NOW = "(now() AT TIME ZONE 'UTC')";
const anonymisedName = { set: `'${ANONYMISED_NAME}'` };
const cleared = { set: "NULL" };

/** Shorthands for columns. */
const id: ColumnEntry = { personal: false, exported: true, erase: "keep" };
const fact: ColumnEntry = { personal: false, exported: true, erase: "keep" };
const internal: ColumnEntry = { personal: false, exported: false, erase: "keep" };
const identity = (erase: ColumnEntry["erase"]): ColumnEntry => ({ personal: true, exported: true, erase });
const secret: ColumnEntry = { personal: true, exported: false, erase: "keep" };

const LEARNER_RETENTION: RetentionRule = {
  from: "learner-left-school",
  months: 3,
  source:
    "docs/domain.md (GAR): a learner disabled by a re-import is anonymised 3 months after leaving, unless a campaign of theirs is still active",
};
const ACCOUNT_RETENTION: RetentionRule = {
  from: "last-sign-in",
  months: 12,
  source: "GAR-only student accounts without sign-in for 12 months: GAR ids and names anonymised",
};
const STAFF_RETENTION: RetentionRule = {
  from: "school-offboarded",
  months: 3,
  source: "staff accounts closed when their school is offboarded (3 months' grace)",
};
const TECHNICAL = (days: number, from: RetentionRule["from"] = "expiry"): RetentionRule => ({
  from,
  months: 0,
  days,
  source: "technical record, purged by housekeeping when its period ends",
});
const CONTENT: RetentionRule = {
  from: "content-replaced",
  months: null,
  source: "pedagogical content, no personal data",
};
const SCHOOL: RetentionRule = {
  from: "school-offboarded",
  months: 3,
  source: "the school's records go with the school (offboarding)",
};

const IMPORT_ERRORS_RETENTION: RetentionRule = {
  from: "created",
  months: 0,
  days: 30,
  source: "errors of rejected imports hold INE and names: kept 30 days",
};

/** The account of the learner, when the erasure may touch it (not shared with another school). */
const ACCOUNT_ERASABLE = ":userId IS NOT NULL AND NOT :accountShared";

export const INVENTORY: readonly TableEntry[] = [
  {
    table: "schools",
    about: "school",
    purpose: "the établissement using Pix Orga (name, UAI, official e-mail of the school, not of a person)",
    retention: SCHOOL,
    rows: "id = :schoolId",
    erase: "keep",
    columns: {
      id,
      name: fact,
      uai: fact,
      official_email: internal,
      manages_students: internal,
      is_gar_enabled: internal,
      archived_at: internal,
      created_at: internal,
      offboarding_requested_at: internal,
      offboarding_requested_by_id: internal,
      offboarded_at: internal,
    },
  },
  {
    table: "learners",
    about: "learner",
    purpose: "the élève as the school's SIECLE register gives it: to match a GAR account and show results to teachers",
    retention: LEARNER_RETENTION,
    rows: "id = :learnerId AND school_id = :schoolId",
    erase: "anonymise",
    columns: {
      id,
      school_id: id,
      national_student_id: identity({ set: "'EFFACE-' || id" }),
      siecle_student_id: identity(cleared),
      first_name: identity(anonymisedName),
      middle_name: identity(cleared),
      third_name: identity(cleared),
      last_name: identity(anonymisedName),
      preferred_last_name: identity(cleared),
      sex: identity(cleared),
      // The birth year stays, as a statistic; the day and month go.
      birthdate: identity({ set: "make_date(extract(year FROM birthdate)::int, 1, 1)" }),
      birth_city_code: identity(cleared),
      birth_city: identity(cleared),
      birth_province_code: identity(cleared),
      birth_country_code: identity(cleared),
      mef_code: fact,
      status: fact,
      division: fact,
      is_disabled: { personal: false, exported: true, erase: { set: "true" } },
      // When a re-import first left them out: the 3 months of LEARNER_RETENTION count from it.
      disabled_at: fact,
      user_id: { personal: false, exported: true, erase: cleared },
      erased_at: { personal: false, exported: false, erase: { set: UTC_NOW } },
      created_at: fact,
      updated_at: { personal: false, exported: true, erase: { set: UTC_NOW } },
    },
  },
  {
    table: "users",
    about: "student-account",
    purpose: "the Pix account of a student (GAR) or of a staff member (e-mail and password)",
    retention: ACCOUNT_RETENTION,
    rows: "id = :userId",
    erase: "anonymise",
    eraseWhere: `id = :userId AND ${ACCOUNT_ERASABLE}`,
    columns: {
      id,
      first_name: identity(anonymisedName),
      last_name: identity(anonymisedName),
      email: identity(cleared),
      cgu_accepted_at: fact,
      failed_sign_in_count: internal,
      blocked_until: internal,
      sign_in_lock_count: internal,
      last_logged_at: identity(cleared),
      created_at: fact,
      updated_at: { personal: false, exported: true, erase: { set: UTC_NOW } },
    },
  },
  {
    table: "authentication_methods",
    about: "student-account",
    purpose: "how the account signs in: the GAR id (IDO) and the names the GAR last sent, or a password hash",
    retention: ACCOUNT_RETENTION,
    rows: "user_id = :userId",
    erase: "delete",
    eraseWhere: `user_id = :userId AND ${ACCOUNT_ERASABLE}`,
    columns: {
      id,
      user_id: id,
      provider: fact,
      external_id: identity("keep"),
      password_hash: secret,
      first_name: identity("keep"),
      last_name: identity("keep"),
      created_at: fact,
      updated_at: fact,
    },
  },
  {
    table: "sessions",
    about: "student-account",
    purpose: "signed-in sessions (the id is a hash of the cookie's token)",
    retention: TECHNICAL(0),
    rows: "user_id = :userId",
    erase: "delete",
    eraseWhere: `user_id = :userId AND ${ACCOUNT_ERASABLE}`,
    columns: {
      id: secret,
      user_id: id,
      kind: fact,
      current_school_id: internal,
      created_at: fact,
      expires_at: fact,
      last_seen_at: fact,
    },
  },
  {
    table: "password_reset_tokens",
    about: "staff",
    purpose: "one-time password reset links (hash only)",
    retention: TECHNICAL(0),
    rows: "user_id = :userId",
    erase: "delete",
    eraseWhere: `user_id = :userId AND ${ACCOUNT_ERASABLE}`,
    columns: { id, user_id: id, token_hash: secret, created_at: fact, expires_at: fact, used_at: fact },
  },
  {
    table: "gar_sign_in_requests",
    about: "none",
    purpose: "OpenID requests in flight (state, nonce, PKCE verifier): no personal data",
    retention: TECHNICAL(0),
    erase: "keep",
    columns: {
      id: internal,
      state: internal,
      nonce: internal,
      code_verifier: internal,
      return_to: internal,
      created_at: internal,
      expires_at: internal,
      consumed_at: internal,
    },
  },
  {
    table: "gar_subscriptions",
    about: "school",
    purpose:
      "the school's subscription to the Pix resource at the GAR (idAbonnement, UAI, validity, state): no personal data",
    retention: SCHOOL,
    erase: "keep",
    columns: {
      id,
      school_id: internal,
      subscription_id: internal,
      uai: fact,
      school_year: internal,
      starts_on: internal,
      end_year: internal,
      target_audience: internal,
      desired_present: internal,
      status: internal,
      failures: internal,
      next_attempt_at: internal,
      last_error_code: internal,
      last_call_at: internal,
      lease_until: internal,
      created_at: internal,
      updated_at: internal,
    },
  },
  {
    table: "gar_subscription_calls",
    about: "school",
    purpose: "every call to the GAR's subscription web service (operation, answer, error, time): no personal data",
    retention: SCHOOL,
    erase: "keep",
    columns: {
      id,
      subscription_row_id: internal,
      school_id: internal,
      operation: internal,
      succeeded: internal,
      http_status: internal,
      error_code: internal,
      error_detail: internal,
      attempt: internal,
      started_at: internal,
      duration_ms: internal,
    },
  },
  {
    table: "gar_saml_requests",
    about: "none",
    purpose:
      "SAML AuthnRequests and our LogoutRequests in flight (request id, return path), consumed once: no personal data",
    retention: TECHNICAL(0),
    erase: "keep",
    columns: {
      id: internal,
      purpose: internal,
      return_to: internal,
      created_at: internal,
      expires_at: internal,
      consumed_at: internal,
    },
  },
  {
    table: "gar_saml_assertions",
    about: "none",
    purpose: "ids of SAML assertions already accepted (replay cache until they expire): no personal data",
    retention: TECHNICAL(0),
    erase: "keep",
    columns: { id: internal, accepted_at: internal, expires_at: internal },
  },
  {
    table: "gar_saml_logins",
    about: "student-account",
    purpose:
      "a student's SAML sign-in (NameID and SessionIndex of the GAR's assertion) beside the session it opened, for single logout",
    retention: TECHNICAL(0),
    rows: "session_id IN (SELECT id FROM sessions WHERE user_id = :userId)",
    erase: "delete",
    eraseWhere: `session_id IN (SELECT id FROM sessions WHERE user_id = :userId) AND ${ACCOUNT_ERASABLE}`,
    columns: {
      id: internal,
      name_id: secret,
      name_id_format: internal,
      session_index: secret,
      session_id: internal,
      pending_identity_id: internal,
      created_at: internal,
      expires_at: internal,
    },
  },
  {
    table: "gar_saml_logout_requests",
    about: "none",
    purpose: "ids of the GAR's LogoutRequests already handled (replay cache until they expire): no personal data",
    retention: TECHNICAL(0),
    erase: "keep",
    columns: { id: internal, received_at: internal, expires_at: internal },
  },
  {
    table: "throttle_events",
    about: "student-account",
    purpose: "counted attempts (wrong birth dates, sign-ins); buckets hold hashes only",
    retention: TECHNICAL(1, "created"),
    rows: "EXISTS (SELECT 1 FROM unnest(:identityHashes) AS h WHERE bucket LIKE '%' || h)",
    erase: "delete",
    columns: { id: internal, bucket: internal, created_at: internal },
  },
  {
    table: "unknown_account_sign_ins",
    about: "none",
    purpose: "sign-in failures for e-mails without an account, under an HMAC of the address",
    retention: TECHNICAL(30, "created"),
    erase: "keep",
    columns: {
      key_hash: internal,
      failed_sign_in_count: internal,
      blocked_until: internal,
      sign_in_lock_count: internal,
      updated_at: internal,
    },
  },
  {
    table: "student_lockouts",
    about: "learner",
    purpose: "a pupil blocked by wrong birth dates, named so that their teacher can unlock them",
    retention: TECHNICAL(1),
    rows: "school_id = :schoolId AND (identity_hash = ANY(:identityHashes) OR (lower(first_name) = lower(:firstName) AND lower(last_name) = lower(:lastName)))",
    erase: "delete",
    columns: {
      id,
      school_id: id,
      campaign_id: id,
      identity_hash: internal,
      first_name: identity("keep"),
      last_name: identity("keep"),
      blocked_until: fact,
      unlocked_at: fact,
      unlocked_by_id: internal,
      created_at: fact,
    },
  },
  {
    table: "gar_pending_identities",
    about: "none",
    purpose: "server side of a pending GAR identity (single use); the cookie holds the data",
    retention: TECHNICAL(0),
    erase: "keep",
    columns: { id: internal, created_at: internal, expires_at: internal, consumed_at: internal },
  },
  {
    table: "campaigns",
    about: "school",
    purpose: "the school's campaigns (a class, a parcours, an owner among the staff)",
    retention: SCHOOL,
    rows: "id IN (SELECT campaign_id FROM participations WHERE learner_id = :learnerId)",
    erase: "keep",
    columns: {
      id,
      school_id: internal,
      name: fact,
      code: fact,
      target_profile_id: fact,
      division: fact,
      owner_id: internal,
      creator_id: internal,
      title: fact,
      custom_landing_text: internal,
      challenge_snapshot: internal,
      archived_at: internal,
      created_at: internal,
      updated_at: internal,
    },
  },
  {
    table: "participations",
    about: "learner",
    purpose: "the learner's participations in campaigns and their results",
    retention: LEARNER_RETENTION,
    rows: "learner_id = :learnerId",
    erase: "anonymise",
    columns: {
      id,
      school_id: id,
      campaign_id: id,
      learner_id: id,
      // Moved to an anonymous account: the results stay as statistics, tied to no one.
      user_id: { personal: false, exported: true, erase: { set: ":tombstoneUserId" } },
      status: fact,
      mastery_rate: fact,
      results: fact,
      created_at: fact,
      updated_at: fact,
      completed_at: fact,
      shared_at: fact,
      deleted_at: fact,
      retried_at: fact,
      // Derived from the student's results in any school (their profile): not this school's to
      // export, and cleared with the account link on erasure.
      start_levels: { personal: false, exported: false, erase: { set: "'{}'" } },
    },
  },
  {
    table: "answers",
    about: "learner",
    purpose: "what the learner answered to each question (typed text for open questions)",
    retention: LEARNER_RETENTION,
    rows: "participation_id IN (SELECT id FROM participations WHERE learner_id = :learnerId)",
    erase: "anonymise",
    columns: {
      id,
      school_id: id,
      participation_id: id,
      challenge_id: fact,
      // Free text may name someone: cleared; right or wrong stays as a statistic.
      value: identity({ set: "''" }),
      result: fact,
      created_at: fact,
    },
  },
  {
    table: "target_profiles",
    about: "none",
    purpose: "parcours content",
    retention: CONTENT,
    erase: "keep",
    columns: {
      id: internal,
      name: internal,
      description: internal,
      duration_minutes: internal,
      competence_ids: internal,
      target_levels: internal,
      is_archived: internal,
      updated_at: internal,
    },
  },
  {
    table: "challenges",
    about: "none",
    purpose: "questions content",
    retention: CONTENT,
    erase: "keep",
    columns: {
      id: internal,
      competence_id: internal,
      skill: internal,
      level: internal,
      type: internal,
      statement: internal,
      proposals: internal,
      answer_key: internal,
      field_answers: internal,
      explanation: internal,
      further_reading: internal,
      illustration_url: internal,
      illustration_alt: internal,
      updated_at: internal,
    },
  },
  {
    table: "target_profile_challenges",
    about: "none",
    purpose: "parcours content",
    retention: CONTENT,
    erase: "keep",
    columns: { target_profile_id: internal, challenge_id: internal, position: internal },
  },
  {
    table: "content_versions",
    about: "none",
    purpose: "which content version is loaded",
    retention: CONTENT,
    erase: "keep",
    columns: { id: internal, hash: internal, summary: internal, loaded_at: internal },
  },
  {
    table: "siecle_imports",
    about: "school",
    purpose: "the school's SIECLE imports: counts, and the errors of the file (they may hold INE and names)",
    retention: IMPORT_ERRORS_RETENTION,
    rows: "school_id = :schoolId AND (created_at >= :learnerCreatedAt OR errors @> jsonb_build_array(jsonb_build_object('nationalStudentId', :ine)))",
    erase: "anonymise",
    eraseWhere: "school_id = :schoolId AND errors @> jsonb_build_array(jsonb_build_object('nationalStudentId', :ine))",
    columns: {
      id,
      school_id: internal,
      created_by_id: internal,
      file_name: fact,
      format: fact,
      status: fact,
      created_count: internal,
      updated_count: internal,
      disabled_count: internal,
      skipped_count: internal,
      divisions: internal,
      errors: {
        personal: true,
        exported: true,
        exportAs:
          "(SELECT coalesce(jsonb_agg(e), '[]'::jsonb) FROM jsonb_array_elements(errors) AS e WHERE e->>'nationalStudentId' = :ine)",
        erase: {
          set: "(SELECT coalesce(jsonb_agg(e), '[]'::jsonb) FROM jsonb_array_elements(errors) AS e WHERE e->>'nationalStudentId' IS DISTINCT FROM :ine)",
        },
      },
      created_at: fact,
    },
  },
  {
    table: "siecle_import_stagings",
    about: "school",
    purpose: "a SIECLE file waiting for its ADMIN's confirmation (one hour)",
    retention: TECHNICAL(0),
    erase: "keep",
    columns: {
      id: internal,
      school_id: internal,
      created_by_id: internal,
      file_name: internal,
      format: internal,
      skipped: internal,
      learner_count: internal,
      created_at: internal,
      expires_at: internal,
    },
  },
  {
    table: "siecle_import_staged_learners",
    about: "learner",
    purpose: "the learners of a staged SIECLE file (one hour)",
    retention: TECHNICAL(0),
    rows: "national_student_id = :ine AND staging_id IN (SELECT id FROM siecle_import_stagings WHERE school_id = :schoolId)",
    erase: "delete",
    columns: Object.fromEntries(
      [
        "national_student_id",
        "siecle_student_id",
        "first_name",
        "middle_name",
        "third_name",
        "last_name",
        "preferred_last_name",
        "sex",
        "birthdate",
        "birth_city_code",
        "birth_city",
        "birth_province_code",
        "birth_country_code",
      ]
        .map((column): [string, ColumnEntry] => [column, { personal: true, exported: false, erase: "keep" }])
        .concat(["staging_id", "position", "mef_code", "status", "division"].map((column) => [column, internal])),
    ),
  },
  {
    table: "members",
    about: "staff",
    purpose: "who works in which school, with which role",
    retention: STAFF_RETENTION,
    erase: "keep",
    columns: {
      id: internal,
      school_id: internal,
      user_id: internal,
      role: internal,
      created_at: internal,
      updated_at: internal,
    },
  },
  {
    table: "invitations",
    about: "staff",
    purpose: "invitations sent to staff e-mail addresses",
    // Accepted or cancelled: purged at once; expired: 30 days more, during which an ADMIN may resend it.
    retention: TECHNICAL(30),
    erase: "keep",
    columns: {
      id: internal,
      school_id: internal,
      email: secret,
      role: internal,
      token_hash: secret,
      invited_by_id: internal,
      created_at: internal,
      sent_at: internal,
      expires_at: internal,
      accepted_at: internal,
      cancelled_at: internal,
    },
  },
  {
    table: "audit_logs",
    about: "learner",
    purpose: "who did what, when (ids and counts only, never names): accountability",
    retention: { from: "created", months: 12, source: "audit entries kept 12 months (append-only trigger, ADR 012)" },
    rows: "((target_type = 'learner' AND target_id = :learnerId::text AND school_id = :schoolId) OR (:userId IS NOT NULL AND ((target_type = 'user' AND target_id = :userId::text) OR actor_user_id = :userId OR data->>'userId' = :userId::text)))",
    // Ids only: nothing to anonymise, and the trigger refuses UPDATE anyway.
    erase: "keep",
    columns: {
      id,
      school_id: internal,
      actor_user_id: fact,
      action: fact,
      target_type: fact,
      target_id: fact,
      data: fact,
      created_at: fact,
    },
  },
];

/**
 * The retention rules (issue 11), run by the scheduled jobs of `privacy/retention/mutations.ts`
 * (started by src/jobs.ts) and by hand with `npm run cli -- housekeeping [--now ISO]`. Periods are
 * the tables' own `retention` entries above: the jobs, the privacy notice and the tables cannot
 * disagree. `tables`: what each rule writes or deletes.
 */
export const RETENTION_RULES = {
  // Source: issue 11 / docs/domain.md — a learner disabled by a re-import (left the school) is
  // anonymised 3 months after leaving, unless a campaign of theirs in that school is still active
  // (not archived). Anonymised as by the erasure of ADR 012 (statistics kept without identity).
  departedLearners: {
    period: LEARNER_RETENTION,
    tables: ["learners", "participations", "answers", "users", "authentication_methods", "sessions"],
  },
  // Source: issue 11 — GAR-only student accounts (no password, no staff role) with no sign-in for
  // 12 months: GAR ids (IDO) and names anonymised, sessions deleted.
  inactiveGarAccounts: { period: ACCOUNT_RETENTION, tables: ["users", "authentication_methods", "sessions"] },
  // Source: issue 11, ADR 012 — audit entries kept 12 months, then purged (the append-only
  // trigger allows exactly that DELETE).
  auditEntries: {
    period: { from: "created", months: 12, source: "audit entries kept 12 months (append-only trigger, ADR 012)" },
    tables: ["audit_logs"],
  },
  // Source: issue 11 — technical records purged when their period ends: throttle events (1 day),
  // GAR OpenID/SAML requests and assertions, pending identities, sessions, invitations and reset
  // tokens at their expiry; pupils' lockouts a day after the block; staged imports after their hour.
  technicalRecords: {
    period: TECHNICAL(0),
    tables: [
      "throttle_events",
      "gar_sign_in_requests",
      "gar_saml_requests",
      "gar_saml_assertions",
      "gar_pending_identities",
      "sessions",
      "invitations",
      "password_reset_tokens",
      "student_lockouts",
      "unknown_account_sign_ins",
      "siecle_import_stagings",
    ],
  },
  // Source: issue 11 — the errors of rejected imports hold INE and names: kept 30 days.
  rejectedImportErrors: { period: IMPORT_ERRORS_RETENTION, tables: ["siecle_imports"] },
  // Source: issue 11 — a school offboarded (CLI school:offboard, or its ADMIN in Orga): all its
  // personal data erased 3 months later (grace period: cancellable), its staff accounts closed.
  offboardedSchools: { period: SCHOOL, tables: ["schools", "learners", "members", "users", "invitations"] },
} as const satisfies Record<string, { period: RetentionRule; tables: readonly string[] }>;

export type RetentionRuleName = keyof typeof RETENTION_RULES;

/** Tables PostgreSQL holds that are no part of the application's data. */
export const INFRASTRUCTURE_TABLES = ["_prisma_migrations"] as const;

/**
 * Schemas besides `public`, which hold no application data, each with its reason. The inventory
 * test fails on any other schema (a library that installs its tables must be listed here).
 */
export const INFRASTRUCTURE_SCHEMAS: readonly { schema: string; reason: string }[] = [
  {
    schema: "pgboss",
    reason:
      "the job queue (pg-boss, docs/decisions/013), created and upgraded by pg-boss itself: queues, schedules, jobs " +
      "and their payloads — ids only by rule, never names, INE, birth dates, GAR ids or e-mails; finished jobs " +
      "deleted after JOB_RETENTION_DAYS (7 days by default)",
  },
];
