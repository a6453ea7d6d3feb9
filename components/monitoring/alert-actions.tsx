"use client";

import { useActionState } from "react";
import { alertLifecycleAction, type AlertingActionState } from "@/app/(app)/monitoring/alerting-actions";
import { Button } from "@/components/ui/button";

const SNOOZE_CHOICES = [
  { minutes: 30, label: "30 minutes" },
  { minutes: 60, label: "1 hour" },
  { minutes: 240, label: "4 hours" },
  { minutes: 1_440, label: "1 day" },
  { minutes: 10_080, label: "1 week" },
];
const MUTE_CHOICES = [
  { minutes: "", label: "until unmuted" },
  ...SNOOZE_CHOICES.map((c) => ({ ...c, minutes: String(c.minutes) })),
];

const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** What an author can do with an alert: acknowledge with a note, snooze, resolve, mute the rule for the object. */
export function AlertActions({
  alertId,
  isFiring,
  isAcknowledged,
  isSnoozed,
  isMuted,
}: {
  alertId: string;
  isFiring: boolean;
  isAcknowledged: boolean;
  isSnoozed: boolean;
  isMuted: boolean;
}) {
  const [state, action, isPending] = useActionState<AlertingActionState, FormData>(alertLifecycleAction, {
    status: "idle",
  });
  const error = (name: string) => (state.status === "error" ? state.fields?.[name] : undefined);
  return (
    <div className="space-y-4 text-sm">
      {isFiring ? (
        <form action={action} className="space-y-2">
          <input type="hidden" name="alertId" value={alertId} />
          <label className="block">
            <span className="mb-1 block font-medium">Note (optional)</span>
            <textarea name="note" rows={2} className={`${field} w-full`} aria-invalid={Boolean(error("note"))} />
            {error("note") ? <span className="text-xs text-red-700">{error("note")}</span> : null}
          </label>
          <div className="flex flex-wrap gap-2">
            {!isAcknowledged ? (
              <Button type="submit" name="intent" value="acknowledge" disabled={isPending}>
                Acknowledge
              </Button>
            ) : null}
            <Button type="submit" name="intent" value="resolve" variant="secondary" disabled={isPending}>
              Resolve
            </Button>
          </div>
        </form>
      ) : null}
      {isFiring ? (
        <form action={action} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="alertId" value={alertId} />
          {isSnoozed ? (
            <Button type="submit" name="intent" value="unsnooze" variant="secondary" disabled={isPending}>
              End snooze
            </Button>
          ) : (
            <>
              <label>
                <span className="mb-1 block font-medium">Snooze for</span>
                <select name="minutes" defaultValue="60" className={field}>
                  {SNOOZE_CHOICES.map((choice) => (
                    <option key={choice.minutes} value={choice.minutes}>
                      {choice.label}
                    </option>
                  ))}
                </select>
              </label>
              <Button type="submit" name="intent" value="snooze" variant="secondary" disabled={isPending}>
                Snooze
              </Button>
            </>
          )}
        </form>
      ) : null}
      <form action={action} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="alertId" value={alertId} />
        {isMuted ? (
          <Button type="submit" name="intent" value="unmute" variant="secondary" disabled={isPending}>
            Unmute the rule for this object
          </Button>
        ) : (
          <>
            <label>
              <span className="mb-1 block font-medium">Mute this rule for this object</span>
              <select name="minutes" defaultValue="" className={field}>
                {MUTE_CHOICES.map((choice) => (
                  <option key={choice.minutes} value={choice.minutes}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit" name="intent" value="mute" variant="secondary" disabled={isPending}>
              Mute
            </Button>
          </>
        )}
      </form>
      <p role="status" className={state.status === "error" ? "text-red-700" : "text-emerald-700"}>
        {state.status === "idle" ? "" : state.message}
      </p>
    </div>
  );
}
