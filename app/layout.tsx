import type { Metadata } from "next";
import type { ReactNode } from "react";
import { THEME_SCRIPT } from "@/components/theme/theme-script";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Featureline", template: "%s · Featureline" },
  description: "Find, trust and ship ML features: catalog, lineage, promotions and monitoring.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets `dark` on <html> before hydration; React must not undo it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
