"use client";

import { useEffect, useRef } from "react";
import { basicSetup } from "codemirror";
import { MergeView } from "@codemirror/merge";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { languageExtension, type CodeLanguage } from "@/components/authoring/code-editor";

/** Two read-only documents side by side with changed lines highlighted (CodeMirror merge). */
export function CodeDiff({
  before,
  after,
  language,
  label,
}: {
  before: string;
  after: string;
  language: CodeLanguage;
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const extensions = (side: string) => [
      basicSetup,
      languageExtension(language),
      EditorState.readOnly.of(true),
      EditorView.editable.of(false),
      EditorView.contentAttributes.of({ "aria-label": `${label}, ${side}` }),
      EditorView.theme({ "&": { fontSize: "12px" } }),
    ];
    const merge = new MergeView({
      parent: host.current,
      a: { doc: before, extensions: extensions("before") },
      b: { doc: after, extensions: extensions("after") },
      collapseUnchanged: { margin: 3, minSize: 6 },
      gutter: true,
    });
    return () => merge.destroy();
  }, [before, after, language, label]);
  return <div ref={host} className="overflow-hidden rounded-md border border-slate-300 bg-white" />;
}
