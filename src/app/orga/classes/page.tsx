import type { Metadata } from "next";

import { ClassesView } from "@/features/classes/components/classes-view";
import { loadClassesPage } from "@/features/classes/loaders";
import { classesMessages } from "@/messages/fr/classes";

export const metadata: Metadata = { title: classesMessages.title };

export default async function ClassesPage() {
  return <ClassesView {...await loadClassesPage()} />;
}
