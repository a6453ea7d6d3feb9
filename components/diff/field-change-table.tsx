import type { ComponentProps } from "react";
import { CodeBlock } from "@/components/catalog/code-block";
import { CodeDiff } from "@/components/diff/code-diff";
import { FieldChangeList, type RenderWholeValue } from "@/components/diff/field-change-list";

/** Both sides in full: a highlighted line diff for text and code, highlighted JSON otherwise. */
const highlightedWholeValue: RenderWholeValue = (change, labels) => {
  const { before, after } = change;
  if ((typeof before === "string" || before === undefined) && (typeof after === "string" || after === undefined)) {
    return (
      <CodeDiff
        before={before ?? ""}
        after={after ?? ""}
        label={`${change.path}, ${labels.before} and ${labels.after}`}
        beforeLabel={labels.before}
        afterLabel={labels.after}
      />
    );
  }
  return (
    <div className="grid gap-2 md:grid-cols-2">
      {before !== undefined ? (
        <CodeBlock
          code={JSON.stringify(before, null, 2)}
          language="json"
          label={labels.before}
          wrap
          maxHeight="20rem"
        />
      ) : null}
      {after !== undefined ? (
        <CodeBlock code={JSON.stringify(after, null, 2)} language="json" label={labels.after} wrap maxHeight="20rem" />
      ) : null}
    </div>
  );
};

/**
 * The one field-change table on server pages (version diffs, promotion requests, the audit
 * log): FieldChangeList whose "Show whole value" opens highlighted code diffs and JSON.
 */
export function FieldChangeTable(props: Omit<ComponentProps<typeof FieldChangeList>, "renderWhole">) {
  return <FieldChangeList {...props} renderWhole={highlightedWholeValue} />;
}
