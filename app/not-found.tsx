import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">That page or object does not exist, or you cannot see it.</p>
      <Link href="/" className="mt-6 inline-block text-sm text-brand-700 underline">
        Back to home
      </Link>
    </main>
  );
}
