import Link from "next/link";
import { EmptyState } from "@/components/ui/card";

export default function MonitoringNotFound() {
  return (
    <EmptyState title="Nothing to monitor here">
      This object or environment does not exist in your workspace.{" "}
      <Link className="text-brand-700 hover:underline" href="/monitoring">
        Back to the monitoring overview
      </Link>
    </EmptyState>
  );
}
