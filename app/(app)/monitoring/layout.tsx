import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Suspense } from "react";
import { MonitoringNav } from "@/components/monitoring/monitoring-nav";

export const metadata: Metadata = { title: { template: "%s · Monitoring", default: "Monitoring" } };

export default function MonitoringLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <Suspense fallback={<div className="mb-6 h-10 border-b border-slate-200" />}>
        <MonitoringNav />
      </Suspense>
      {children}
    </>
  );
}
