import Link from "next/link";

import { accountsText } from "@/messages/fr/student-accounts";

/** The student app's top bar; the sign-out is a POST (a link or an image must not sign anyone out). */
export function StudentHeader({ studentName }: { studentName?: string }) {
  const text = accountsText.header;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-5 py-3">
        <Link href="/" className="text-2xl font-extrabold text-primary">
          {text.appName}
        </Link>
        {studentName && (
          <div className="flex items-center gap-4">
            <span className="font-semibold">{studentName}</span>
            <form action="/gar/deconnexion" method="post">
              <button
                type="submit"
                className="min-h-11 rounded-lg border-2 border-slate-400 px-4 py-2 font-semibold hover:bg-slate-100"
              >
                {text.signOut}
              </button>
            </form>
          </div>
        )}
      </div>
    </header>
  );
}
