"use client";

import { useActionState } from "react";
import { updateOwnershipAction, type CatalogActionState } from "@/app/(app)/catalog/actions";
import { Button } from "@/components/ui/button";

/** Owner and team editor, shown to authors only (the action checks the role again). */
export function OwnershipForm({
  kind,
  id,
  owner,
  team,
  teams,
  canChangeTeam,
}: {
  kind: string;
  id: string;
  owner: string;
  team: string;
  teams: { slug: string; name: string }[];
  canChangeTeam: boolean;
}) {
  const [state, action, pending] = useActionState<CatalogActionState, FormData>(updateOwnershipAction, {
    status: "idle",
  });
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand-700 hover:underline">
        Change owner{canChangeTeam ? " or team" : ""}
      </summary>
      <form action={action} className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={id} />
        <label className="flex flex-col text-xs text-slate-600">
          Owner
          <input
            name="owner"
            defaultValue={owner}
            maxLength={200}
            className="mt-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
        {canChangeTeam ? (
          <label className="flex flex-col text-xs text-slate-600">
            Team
            <select
              name="team"
              defaultValue={team}
              className="mt-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
            >
              <option value="">(no team)</option>
              {teams.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <input type="hidden" name="team" value="" />
        )}
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        <p role="status" className={`w-full text-xs ${state.status === "error" ? "text-red-700" : "text-slate-600"}`}>
          {state.status === "idle" ? "" : state.message}
        </p>
      </form>
    </details>
  );
}
