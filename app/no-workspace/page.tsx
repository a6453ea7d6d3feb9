export default function NoWorkspacePage() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">You are not a member of any workspace</h1>
      <p className="mt-2 text-sm text-slate-600">
        Ask an admin to add you (npm run user:create … --workspace &lt;slug&gt;).
      </p>
    </main>
  );
}
