export type MailMessage = {
  to: string;
  subject: string;
  /** Plain text; links are written in full so any mail client shows them. */
  text: string;
};

/** A message kept in the local outbox (no SMTP configured). */
export type OutboxEntry = MailMessage & {
  id: string;
  createdAt: string;
};

export type MailTransportKind = "smtp" | "outbox";
