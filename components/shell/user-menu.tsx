"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  return (
    <details className="relative">
      <summary
        className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 text-sm text-slate-200 hover:bg-white/10"
        aria-label="User menu"
      >
        <span
          aria-hidden
          className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-500 text-xs font-semibold text-white"
        >
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden sm:inline">{name}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-60 rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-800 shadow-lg">
        <p className="font-medium">{name}</p>
        <p className="truncate text-slate-500">{email}</p>
        <p className="mt-1 text-xs text-slate-500">
          Role:{" "}
          <span data-testid="current-role" className="font-medium text-slate-700">
            {role}
          </span>
        </p>
        <Link href="/account" className="mt-3 block rounded-md px-3 py-1.5 hover:bg-slate-50">
          Your account
        </Link>
        <button
          type="button"
          onClick={() => signOut({ callbackUrl: "/login" })}
          className="mt-3 w-full rounded-md border border-slate-300 px-3 py-1.5 text-left hover:bg-slate-50"
        >
          Sign out
        </button>
      </div>
    </details>
  );
}
