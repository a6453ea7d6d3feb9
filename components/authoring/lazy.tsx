"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/card";

/* CodeMirror touches the DOM when it starts: load the editor in the browser only, in its own chunk. */

export const LazyCodeEditor = dynamic(() => import("./code-editor").then((module) => module.CodeEditor), {
  ssr: false,
  loading: () => <Skeleton className="h-40 w-full" />,
});
