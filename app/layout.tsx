import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { ZodJitless } from "@/components/zod-jitless";
import { PreviewBanner } from "@/components/preview/preview-banner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Espace intérimaire – Coop Emploi", template: "%s – Coop Emploi" },
  description: "L'espace en ligne des intérimaires, de l'agence et des entreprises clientes.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#18736b" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so that Next.js puts the proxy's CSP
  // nonce (lib/http/csp.ts) on its scripts; a prerendered page would not hydrate.
  await connection();
  return (
    <html lang="fr">
      <body className="min-h-screen font-sans">
        <ZodJitless />
        <PreviewBanner />
        {children}
      </body>
    </html>
  );
}
