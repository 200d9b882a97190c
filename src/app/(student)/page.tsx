import Link from "next/link";

import { layoutText } from "@/messages/fr/layout";

export const dynamic = "force-dynamic";

export default function StudentHomePage() {
  const text = layoutText.studentHome;
  return (
    <main id="contenu" className="mx-auto flex max-w-2xl flex-col gap-6 px-5 py-12">
      <p className="text-2xl font-extrabold text-primary">Pix</p>
      <h1 className="text-3xl font-bold">{text.title}</h1>
      <p className="text-lg">{text.intro}</p>
      <p className="text-lg">{text.howTo}</p>
      <Link href="/gar/connexion" className="inline-flex min-h-11 w-fit items-center rounded-lg bg-primary px-6 py-3 text-lg font-semibold text-white hover:bg-primary-dark">
        {text.signIn}
      </Link>
      <p className="mt-8 text-muted">
        {text.staff} <Link href="/orga" className="font-semibold text-primary underline">{text.staffLink}</Link>
      </p>
    </main>
  );
}
