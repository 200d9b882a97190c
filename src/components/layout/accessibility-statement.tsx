import { layoutText } from "@/messages/fr/layout";

const t = layoutText.accessibility;

/** /accessibilite: the RGAA accessibility statement (status, what is tested, contact, recourse). */
export function AccessibilityStatement({ supportContact }: { supportContact: string | null }) {
  const sections = [
    { id: "conformite", title: t.statusTitle, text: t.status },
    { id: "verifications", title: t.testsTitle, text: t.tests },
    {
      id: "contact",
      title: t.contactTitle,
      text: supportContact ? `${t.contact} ${t.supportContact(supportContact)}` : t.contact,
    },
    { id: "recours", title: t.recourseTitle, text: t.recourse },
  ];
  return (
    <article className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t.title}</h1>
        <p className="mt-2">{t.intro}</p>
      </header>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={section.id} className="space-y-2">
          <h2 id={section.id} className="text-2xl font-bold">
            {section.title}
          </h2>
          <p>{section.text}</p>
        </section>
      ))}
    </article>
  );
}
