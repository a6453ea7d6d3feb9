"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { addToServiceAction, type CatalogActionState } from "@/app/(app)/catalog/actions";
import { Button } from "@/components/ui/button";

/**
 * Adds features to a feature service or creates one in dev. On the list page the feature
 * checkboxes live in the table and join this form through their `form` attribute; on a
 * feature page the feature id is a hidden field.
 */
export function AddToServiceForm({
  formId,
  services,
  featureIds = [],
  compact = false,
}: {
  formId: string;
  services: { id: string; name: string }[];
  featureIds?: string[];
  compact?: boolean;
}) {
  const [state, action, pending] = useActionState<CatalogActionState, FormData>(addToServiceAction, { status: "idle" });
  const [target, setTarget] = useState("");
  return (
    <form
      id={formId}
      action={action}
      className={`flex flex-wrap items-end gap-2 ${compact ? "" : "rounded-md border border-slate-200 bg-slate-50 p-3"}`}
    >
      {featureIds.map((id) => (
        <input key={id} type="hidden" name="featureIds" value={id} />
      ))}
      <label className="flex flex-col text-xs text-slate-600">
        Add {featureIds.length === 1 ? "this feature" : "selected features"} to
        <select
          name="serviceId"
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          required
          className="mt-1 max-w-72 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          <option value="" disabled>
            Choose a feature service…
          </option>
          <option value="__new__">+ New feature service (dev)</option>
          {services.map((service) => (
            <option key={service.id} value={service.id}>
              {service.name}
            </option>
          ))}
        </select>
      </label>
      {target === "__new__" ? (
        <label className="flex flex-col text-xs text-slate-600">
          New service name
          <input
            name="newServiceName"
            required
            pattern="[A-Za-z][A-Za-z0-9_]*"
            maxLength={128}
            placeholder="fraud_scoring_v4"
            className="mt-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
      ) : null}
      <Button type="submit" disabled={pending || !target}>
        {pending ? "Saving…" : "Add to service"}
      </Button>
      <p role="status" className={`w-full text-sm ${state.status === "error" ? "text-red-700" : "text-emerald-700"}`}>
        {state.status === "error" ? state.message : null}
        {state.status === "done" ? (
          <>
            {state.message}{" "}
            {state.href ? (
              <Link href={state.href} className="font-medium underline">
                Open the service
              </Link>
            ) : null}
          </>
        ) : null}
      </p>
    </form>
  );
}
