"use client";

import { useEffect, useRef } from "react";
import { basicSetup } from "codemirror";
import { javascript } from "@codemirror/lang-javascript";
import { python } from "@codemirror/lang-python";
import { sql } from "@codemirror/lang-sql";
import { Compartment, EditorState, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

export type CodeLanguage = "sql" | "python" | "typescript" | "yaml";

export function languageExtension(language: CodeLanguage): Extension {
  if (language === "sql") return sql();
  if (language === "python") return python();
  if (language === "typescript") return javascript({ typescript: true });
  return [];
}

export interface CodeEditorProps {
  value: string;
  language: CodeLanguage;
  onChange: (value: string) => void;
  /** Accessible name of the editing surface. */
  label: string;
  invalid?: boolean;
  describedBy?: string;
  testId?: string;
}

/**
 * CodeMirror 6 for transformations. Uncontrolled inside (CodeMirror owns the document); a new
 * `value` from outside (revert, load latest) replaces the document only when it differs.
 */
export function CodeEditor({ value, language, onChange, label, invalid, describedBy, testId }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const languageSlot = useRef(new Compartment());
  const attributesSlot = useRef(new Compartment());
  const onChangeRef = useRef(onChange);

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const attributes = (): Extension =>
    EditorView.contentAttributes.of({
      "aria-label": label,
      "aria-invalid": invalid ? "true" : "false",
      ...(describedBy ? { "aria-describedby": describedBy } : {}),
      ...(testId ? { "data-testid": testId } : {}),
    });

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          languageSlot.current.of(languageExtension(language)),
          attributesSlot.current.of(attributes()),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
          EditorView.theme({
            "&": { fontSize: "13px", minHeight: "10rem" },
            ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", minHeight: "10rem" },
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; later props flow in through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    view.current?.dispatch({ effects: languageSlot.current.reconfigure(languageExtension(language)) });
  }, [language]);

  useEffect(() => {
    view.current?.dispatch({ effects: attributesSlot.current.reconfigure(attributes()) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [label, invalid, describedBy, testId]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  return (
    <div
      ref={host}
      className={`overflow-hidden rounded-md border bg-white ${invalid ? "border-red-400" : "border-slate-300"} focus-within:ring-2 focus-within:ring-brand-500`}
    />
  );
}
