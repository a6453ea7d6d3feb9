import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/admin/create-token-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { listApiTokens } from "@/lib/server/api-tokens";
import { formatDateTime } from "@/lib/format";
import { requireRole } from "@/lib/session";
import { revokeApiTokenAction } from "../actions";

export const metadata: Metadata = { title: "API tokens · Admin" };

export default async function AdminTokensPage() {
  const { workspace } = await requireRole("admin");
  const tokens = await listApiTokens(workspace.id);
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div>
        {tokens.length === 0 ? (
          <EmptyState title="No API tokens yet">
            Feature platforms push metrics with an ingest token; CI applies definitions with an apply token.
          </EmptyState>
        ) : (
          <Table
            caption="API tokens"
            head={
              <>
                <Th>Name</Th>
                <Th>Token</Th>
                <Th>Scopes</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th />
              </>
            }
          >
            {tokens.map((token) => (
              <tr key={token.id} data-testid={`token-row-${token.name}`}>
                <Td className="font-medium">{token.name}</Td>
                <Td>
                  <code className="text-xs">{token.prefix}…</code>
                </Td>
                <Td>
                  <span className="flex gap-1">
                    {token.scopes.map((s) => (
                      <Badge key={s} tone="info">
                        {s}
                      </Badge>
                    ))}
                  </span>
                </Td>
                <Td className="text-slate-500">{formatDateTime(token.createdAt)}</Td>
                <Td className="text-slate-500">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "never"}</Td>
                <Td>
                  {token.revokedAt ? (
                    <Badge tone="neutral">revoked</Badge>
                  ) : (
                    <form action={revokeApiTokenAction}>
                      <input type="hidden" name="tokenId" value={token.id} />
                      <Button variant="danger" type="submit" aria-label={`Revoke ${token.name}`}>
                        Revoke
                      </Button>
                    </form>
                  )}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </div>
      <Card title="Create a token">
        <CreateTokenForm />
      </Card>
    </div>
  );
}
