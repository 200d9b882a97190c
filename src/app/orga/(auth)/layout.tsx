import type { ReactNode } from "react";

import { getMemberContext } from "@/lib/session";

/**
 * Sign-in, activation, invitation and reset pages. Signed-in members see them inside the Orga
 * shell, which already holds the page's <main>; everyone else gets the main landmark here.
 */
export default async function AuthPagesLayout({ children }: { children: ReactNode }) {
  const member = await getMemberContext();
  if (member?.hasAcceptedCgu) return <div>{children}</div>;
  return (
    <main id="contenu" className="min-h-screen bg-slate-50">
      {children}
    </main>
  );
}
