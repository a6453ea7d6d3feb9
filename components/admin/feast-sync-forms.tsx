"use client";

import { useActionState } from "react";
import {
  createWorkspaceAction,
  saveFeastConnectionAction,
  type FeastAdminState,
} from "@/app/(app)/admin/feast/actions";
import { FeastEnvironmentField } from "@/components/authoring/feast-environment-field";
import { Button } from "@/components/ui/button";

const IDLE: FeastAdminState = { status: "idle" };
const INPUT = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

function Message({ state }: { state: FeastAdminState }) {
  if (state.status === "idle") return null;
  return (
    <p
      role={state.status === "error" ? "alert" : "status"}
      className={state.status === "error" ? "text-sm text-red-700" : "text-sm text-emerald-700"}
    >
      {state.message}
    </p>
  );
}

function FieldError({ state, name }: { state: FeastAdminState; name: string }) {
  const message = state.status === "error" ? state.fields?.[name] : undefined;
  return message ? <p className="mt-1 text-xs text-red-700">{message}</p> : null;
}

export function FeastConnectionForm({
  current,
  environments,
}: {
  current: {
    location: string;
    project: string | null;
    intervalSeconds: number;
    enabled: boolean;
    environment: string;
  } | null;
  /** The workspace's environments, first (dev) first. */
  environments: string[];
}) {
  const [state, action, pending] = useActionState(saveFeastConnectionAction, IDLE);
  return (
    <form action={action} className="space-y-3">
      <div>
        <label htmlFor="feast-location" className="mb-1 block text-sm font-medium">
          Registry location
        </label>
        <input
          id="feast-location"
          name="location"
          required
          defaultValue={current?.location ?? ""}
          placeholder="/srv/feature_repo/data/registry.db or https://…/registry.db"
          className={INPUT}
        />
        <FieldError state={state} name="location" />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="feast-project" className="mb-1 block text-sm font-medium">
            Feast project <span className="font-normal text-slate-500">(when the registry holds several)</span>
          </label>
          <input id="feast-project" name="project" defaultValue={current?.project ?? ""} className={INPUT} />
        </div>
        <div>
          <label htmlFor="feast-interval" className="mb-1 block text-sm font-medium">
            Read every (seconds)
          </label>
          <input
            id="feast-interval"
            name="intervalSeconds"
            type="number"
            min={30}
            max={86400}
            defaultValue={current?.intervalSeconds ?? 300}
            className={INPUT}
          />
          <FieldError state={state} name="intervalSeconds" />
        </div>
      </div>
      <div>
        <FeastEnvironmentField
          environments={environments}
          name="environment"
          defaultValue={current?.environment ?? environments[0]}
          help={`New versions always go to ${environments[0] ?? "dev"}. In a later environment a sync only activates objects that have nothing active there yet; what already runs there changes through a promotion.`}
        />
        <FieldError state={state} name="environment" />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={current?.enabled ?? true} /> Sync on a schedule
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : current ? "Save" : "Connect"}
        </Button>
        <Message state={state} />
      </div>
    </form>
  );
}

export function CreateWorkspaceForm() {
  const [state, action, pending] = useActionState(createWorkspaceAction, IDLE);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
      <div>
        <label htmlFor="workspace-name" className="mb-1 block text-sm font-medium">
          Name
        </label>
        <input id="workspace-name" name="name" required className={INPUT} />
        <FieldError state={state} name="name" />
      </div>
      <div>
        <label htmlFor="workspace-slug" className="mb-1 block text-sm font-medium">
          Slug
        </label>
        <input id="workspace-slug" name="slug" required pattern="[a-z0-9][a-z0-9-]*" className={INPUT} />
        <FieldError state={state} name="slug" />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create workspace"}
      </Button>
      <div className="sm:col-span-3">
        <Message state={state} />
      </div>
    </form>
  );
}
