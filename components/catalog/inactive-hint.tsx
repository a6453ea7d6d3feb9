import { switchEnvironmentAction } from "@/app/(app)/actions";

/**
 * Said instead of showing nothing when the object exists but does not run in the environment
 * being looked at (a Feast import activates in dev, for instance): where it does run, one click away.
 */
export function InactiveHint({
  environment,
  active,
}: {
  environment: string;
  active: Array<{ environment: string; versionNumber: number | null }>;
}) {
  if (active.some((entry) => entry.environment === environment && entry.versionNumber !== null)) return null;
  const elsewhere = active.filter((entry) => entry.versionNumber !== null);
  return (
    <div role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
      This object has no active version in {environment}.{" "}
      {elsewhere.length === 0 ? (
        "It runs in no environment."
      ) : (
        <>
          It runs in{" "}
          {elsewhere.map((entry, i) => (
            <span key={entry.environment}>
              {i > 0 ? ", " : ""}
              <form action={switchEnvironmentAction} className="inline">
                <input type="hidden" name="environment" value={entry.environment} />
                <button type="submit" className="font-medium text-brand-700 underline">
                  {entry.environment} (v{entry.versionNumber})
                </button>
              </form>
            </span>
          ))}
          .
        </>
      )}
    </div>
  );
}
