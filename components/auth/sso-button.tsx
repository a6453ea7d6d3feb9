"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SsoButton({
  providerId,
  name,
  callbackUrl,
}: {
  providerId: string;
  name: string;
  callbackUrl: string;
}) {
  const [isPending, setIsPending] = useState(false);
  return (
    <Button
      type="button"
      variant="secondary"
      className="w-full py-2"
      disabled={isPending}
      onClick={() => {
        setIsPending(true);
        void signIn(providerId, { callbackUrl });
      }}
    >
      {isPending ? "Redirecting…" : `Sign in with ${name}`}
    </Button>
  );
}
