/** What a polling dashboard says about its background refresh: in progress, or failed and why. */
export function RefreshStatus({ isFetching, error }: { isFetching: boolean; error: Error | null }) {
  return (
    <>
      {isFetching ? <span> Refreshing…</span> : null}
      {error ? <span className="ml-2 text-red-700">Could not refresh: {error.message}</span> : null}
    </>
  );
}
