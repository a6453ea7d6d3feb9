"use client";

import { useActionState, type ReactNode } from "react";
import {
  addEnvironmentAction,
  moveEnvironmentAction,
  removeEnvironmentAction,
  saveEnvironmentAction,
  type EnvironmentActionState,
} from "@/app/(app)/admin/environments/actions";
import { Button } from "@/components/ui/button";

type Action = (prev: EnvironmentActionState, formData: FormData) => Promise<EnvironmentActionState>;

function useAction(action: Action) {
  return useActionState<EnvironmentActionState, FormData>(action, { status: "idle" });
}

function Outcome({ state }: { state: EnvironmentActionState }) {
  if (state.status === "error")
    return (
      <span role="alert" className="text-xs text-red-700">
        {state.message}
      </span>
    );
  if (state.status === "saved")
    return (
      <span role="status" className="text-xs text-emerald-700">
        Saved
      </span>
    );
  return null;
}

function SmallForm({
  action,
  hidden,
  children,
}: {
  action: Action;
  hidden: Record<string, string>;
  children: ReactNode;
}) {
  const [state, formAction, isPending] = useAction(action);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset disabled={isPending} className="contents">
        {children}
      </fieldset>
      <Outcome state={state} />
    </form>
  );
}

export interface EnvironmentRowProps {
  name: string;
  position: number;
  isFirst: boolean;
  isLast: boolean;
  requiredApprovals: number;
  blockOnHealth: boolean;
  activeObjects: number;
}

export function EnvironmentSettingsRow(props: EnvironmentRowProps) {
  const [state, formAction, isPending] = useAction(saveEnvironmentAction);
  return (
    <tr data-testid={`environment-row-${props.name}`}>
      <td className="px-3 py-2 font-medium">
        {props.position + 1}. {props.name}
      </td>
      <td className="px-3 py-2">
        {props.isFirst ? (
          <span className="text-sm text-slate-500">Authoring environment: nothing is promoted into it.</span>
        ) : (
          <form action={formAction} className="flex flex-wrap items-center gap-3">
            <input type="hidden" name="name" value={props.name} />
            <label className="flex items-center gap-1 text-sm">
              Approvals
              <input
                type="number"
                name="requiredApprovals"
                min={1}
                max={10}
                defaultValue={Math.max(1, props.requiredApprovals)}
                aria-label={`Required approvals for ${props.name}`}
                className="w-16 rounded-md border border-slate-300 px-2 py-1"
              />
            </label>
            <label className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                name="blockOnHealth"
                defaultChecked={props.blockOnHealth}
                aria-label={`Block on health for ${props.name}`}
              />
              Poor source health blocks
            </label>
            <Button type="submit" variant="secondary" disabled={isPending}>
              Save
            </Button>
            <Outcome state={state} />
          </form>
        )}
      </td>
      <td className="px-3 py-2 text-sm text-slate-600">{props.activeObjects}</td>
      <td className="px-3 py-2">
        <div className="flex flex-wrap items-center gap-2">
          {!props.isFirst ? (
            <SmallForm
              action={moveEnvironmentAction}
              hidden={{ name: props.name, position: String(props.position - 1) }}
            >
              <Button type="submit" variant="ghost" aria-label={`Move ${props.name} earlier`}>
                ↑
              </Button>
            </SmallForm>
          ) : null}
          {!props.isLast ? (
            <SmallForm
              action={moveEnvironmentAction}
              hidden={{ name: props.name, position: String(props.position + 1) }}
            >
              <Button type="submit" variant="ghost" aria-label={`Move ${props.name} later`}>
                ↓
              </Button>
            </SmallForm>
          ) : null}
          {props.activeObjects === 0 ? (
            <SmallForm action={removeEnvironmentAction} hidden={{ name: props.name }}>
              <Button type="submit" variant="danger">
                Remove
              </Button>
            </SmallForm>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

export function AddEnvironmentForm() {
  const [state, formAction, isPending] = useAction(addEnvironmentAction);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3 text-sm" aria-label="Add an environment">
      <label className="flex flex-col gap-1">
        Name
        <input name="name" required placeholder="canary" className="rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1">
        Approvals
        <input
          type="number"
          name="requiredApprovals"
          min={1}
          max={10}
          defaultValue={1}
          className="w-20 rounded-md border border-slate-300 px-2 py-1"
        />
      </label>
      <label className="flex items-center gap-1 pb-1.5">
        <input type="checkbox" name="blockOnHealth" /> Poor source health blocks
      </label>
      <Button type="submit" disabled={isPending}>
        Add at the end
      </Button>
      <Outcome state={state} />
    </form>
  );
}
