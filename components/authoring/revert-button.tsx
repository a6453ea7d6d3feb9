"use client";

import { useActionState } from "react";
import { revertVersionAction, type RevertActionState } from "@/app/(app)/authoring/actions";
import { Button } from "@/components/ui/button";
import type { DefinitionKind } from "@/lib/definitions/schema";

/** Reverts to an old version by saving it as a new one (409 if someone saved in between). */
export function RevertButton({
  kind,
  objectId,
  versionNumber,
  latestVersionNumber,
}: {
  kind: DefinitionKind;
  objectId: string;
  versionNumber: number;
  latestVersionNumber: number;
}) {
  const [state, action, isPending] = useActionState<RevertActionState, FormData>(revertVersionAction, {
    status: "idle",
  });
  return (
    <form action={action} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="objectId" value={objectId} />
      <input type="hidden" name="versionNumber" value={versionNumber} />
      <input type="hidden" name="baseVersionNumber" value={latestVersionNumber} />
      <Button type="submit" variant="secondary" disabled={isPending} aria-label={`Revert to version ${versionNumber}`}>
        {isPending ? "Reverting…" : "Revert to this"}
      </Button>
      {state.status === "error" ? (
        <span role="alert" className="max-w-xs text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
      {state.status === "unchanged" ? (
        <span role="status" className="text-xs text-slate-600">
          Nothing to do: the latest version already equals version {versionNumber}.
        </span>
      ) : null}
    </form>
  );
}
