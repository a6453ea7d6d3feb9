import "server-only";
import type { Db } from "@/lib/db";
import { listPromotionCandidates } from "@/lib/data/promotions";

type Candidates = Awaited<ReturnType<typeof listPromotionCandidates>>;

/**
 * The candidates of the new-request page. Without an explicit source, the first environment in
 * which a preselected object ("kind:objectId") differs from the next one is the source, so the
 * Promote button of an object page lands on a request with that object ticked.
 */
export async function listPromotionCandidatesFor(
  prisma: Db,
  input: { workspaceId: string; sourceEnvironment?: string; preselected: readonly string[] },
): Promise<Candidates> {
  const first = await listPromotionCandidates(prisma, {
    workspaceId: input.workspaceId,
    sourceEnvironment: input.sourceEnvironment,
  });
  if (input.sourceEnvironment || input.preselected.length === 0) return first;
  const wanted = new Set(input.preselected);
  const hasWanted = (result: Candidates) =>
    result.candidates.some((candidate) => wanted.has(`${candidate.kind}:${candidate.objectId}`));
  if (hasWanted(first)) return first;
  // Later sources, in chain order (the last environment promotes nowhere).
  for (const environment of first.environments.slice(1, -1)) {
    const result = await listPromotionCandidates(prisma, {
      workspaceId: input.workspaceId,
      sourceEnvironment: environment.name,
    });
    if (hasWanted(result)) return result;
  }
  return first;
}
