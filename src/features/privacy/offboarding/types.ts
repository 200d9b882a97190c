/** What the offboarding page shows. */
export type OffboardingStatus = {
  name: string;
  uai: string;
  learnerCount: number;
  /** Set while an offboarding is pending (grace period). */
  pending: { requestedAt: Date; eraseOn: Date } | null;
};
