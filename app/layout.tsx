import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { THEME_SCRIPT } from "@/components/theme/theme-script";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Featureline", template: "%s · Featureline" },
  description: "Find, trust and ship ML features: catalog, lineage, promotions and monitoring.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the Content-Security-Policy nonce (proxy.ts) is new each
  // time, and Next can only put it on the scripts of a page rendered for that request.
  await connection();
  // The theme script runs inline before paint, so it needs the policy's nonce too.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The theme script sets `dark` on <html> before hydration; React must not undo it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
