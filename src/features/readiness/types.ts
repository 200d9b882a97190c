import type { SchoolSubscriptionView } from "@/features/gar-subscriptions/types";

/** A learner imported but never arrived through the GAR (no Pix account linked yet). */
export type PendingLearner = {
  id: number;
  firstName: string;
  lastName: string;
  division: string;
  /** Created by the last import (there was an import before it). */
  isNewcomer: boolean;
};

/** What the checklist is computed from, read for one school. */
export type ReadinessFacts = {
  activation: { at: Date; by: string } | null;
  lastImport: { at: Date; by: string | null } | null;
  /** Whether this server manages subscriptions (GAR_WS_URL set); otherwise they are made in the GAR's console. */
  subscriptionsManaged: boolean;
  subscription: SchoolSubscriptionView | null;
  enabledLearnerCount: number;
  /** Enabled learners never arrived through the GAR; newcomers first, then by class and name. */
  pendingLearners: PendingLearner[];
  /** Classes of the enabled learners. */
  classes: string[];
  /** Classes with at least one campaign that is not archived. */
  classesWithActiveCampaign: string[];
};

export type LineState = "done" | "warning" | "todo" | "info";

export type ChecklistLineId = "activation" | "import" | "subscription" | "assignment" | "campaigns";

/** One line: its state, what is true, and the one action that fixes it (when there is one). */
export type ChecklistLine = {
  id: ChecklistLineId;
  state: LineState;
  title: string;
  summary: string;
  action?:
    | { kind: "link"; label: string; href: string; adminOnly: boolean }
    | { kind: "subscription"; label: string; adminOnly: true };
};

export type AssignmentGroup = { division: string; newcomers: PendingLearner[]; others: PendingLearner[] };
