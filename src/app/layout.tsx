import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

import { common } from "@/messages/fr/common";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pix", template: "%s · Pix" },
  description: "Pix : évaluer et développer ses compétences numériques.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body className="min-h-screen bg-white text-ink antialiased">
        <a
          href="#contenu"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
        >
          {common.skipToContent}
        </a>
        {children}
      </body>
    </html>
  );
}
