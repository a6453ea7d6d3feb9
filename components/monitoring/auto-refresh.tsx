"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { monitoringKeys, POLL_INTERVAL_MS } from "@/components/monitoring/query";

/** Re-renders a server-rendered monitoring list every poll interval while it is visible. */
export function AutoRefresh() {
  const router = useRouter();
  const queryClient = useQueryClient();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== "visible") return;
      router.refresh();
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.all });
    }, POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [router, queryClient]);
  return null;
}
