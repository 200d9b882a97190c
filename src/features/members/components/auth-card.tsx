import type { ReactNode } from "react";

import { membersMessages as m } from "@/messages/fr/members";

/** The frame of the pages seen before entering Orga: sign-in, activation, invitation, reset. */
export function AuthCard({
  title,
  intro,
  children,
  wide = false,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={`mx-auto w-full ${wide ? "max-w-3xl" : "max-w-lg"} px-4 py-10`}>
      <p className="mb-6 text-2xl font-extrabold text-primary">{m.shell.appName}</p>
      <div className="space-y-6 rounded-xl border border-slate-300 bg-white p-6 shadow-sm sm:p-8">
        <div className="space-y-2">
          <h1 className="text-2xl font-bold">{title}</h1>
          {intro && <div className="text-muted">{intro}</div>}
        </div>
        {children}
      </div>
    </div>
  );
}
