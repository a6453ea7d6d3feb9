import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { createPromotionRequest, reviewPromotionRequest, type PromotionActor } from "@/lib/data/promotions";
import type { FeatureViewDefinition } from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";
import { testEngineKind } from "@/lib/testing/test-db";
import { createPromotionWorld, type PromotionWorld } from "./promotion-fixture";

let world: PromotionWorld;
const approvers: PromotionActor[] = [];
beforeAll(async () => {
  world = await createPromotionWorld();
  const passwordHash = await hashPassword("not-used-here");
  for (let i = 0; i < 8; i++) {
    const user = await world.prisma.user.create({
      data: {
        email: `approver-${i}@example.com`,
        name: `Approver ${i}`,
        passwordHash,
        memberships: { create: { workspaceId: world.workspaceId, role: "approver" } },
      },
    });
    approvers.push({ userId: user.id, role: "approver" });
  }
}, 180_000);
afterAll(async () => {
  await world?.database.cleanup();
});

function open(name: string, from: "dev" | "staging", title = `Promote ${name}`) {
  return createPromotionRequest(
    world.prisma,
    {
      workspaceId: world.workspaceId,
      sourceEnvironment: from,
      title,
      description: "",
      items: [{ kind: "feature_view", name }],
    },
    world.users.author,
  );
}

function approve(number: number, actor: PromotionActor) {
  return reviewPromotionRequest(world.prisma, { workspaceId: world.workspaceId, number, decision: "approve" }, actor);
}

async function counts(number: number) {
  const request = await world.prisma.promotionRequest.findUniqueOrThrow({
    where: { workspaceId_number: { workspaceId: world.workspaceId, number } },
    select: { id: true, state: true, reviews: { select: { reviewerId: true, decision: true } } },
  });
  const applies = await world.prisma.auditLog.count({ where: { action: "promotion.apply", objectId: request.id } });
  return { ...request, applies };
}

function statusOf(result: PromiseSettledResult<unknown>): number | "ok" {
  if (result.status === "fulfilled") return "ok";
  if (result.reason instanceof AppError) return result.reason.status;
  throw result.reason;
}

describe(`concurrent promotion reviews on ${testEngineKind()}`, () => {
  it("applies once when many approvers approve at the same moment", async () => {
    const { number } = await open("user_profile", "dev");
    const before = await world.prisma.auditLog.count({ where: { action: "version.activate" } });
    const results = await Promise.allSettled(approvers.map((actor) => approve(number, actor)));
    const fulfilled = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    expect(fulfilled.filter((result) => result.applied)).toHaveLength(1);
    expect(
      results
        .map(statusOf)
        .filter((status) => status !== "ok")
        .every((status) => status === 409),
    ).toBe(true);
    const after = await counts(number);
    expect(after.state).toBe("applied");
    expect(after.applies).toBe(1);
    expect(after.reviews).toHaveLength(1);
    expect(await world.prisma.auditLog.count({ where: { action: "version.activate" } })).toBe(before + 1);
    expect(await world.activeNumber("staging", "feature_view", "user_profile")).toBe(2);
  });

  it("counts one approval per reviewer when the same approver submits many times at once (prod needs two)", async () => {
    const { number } = await open("user_profile", "staging");
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => approve(number, approvers[0]!)));
    expect(results.map(statusOf).sort()).toEqual([409, 409, 409, 409, 409, "ok"]);
    const middle = await counts(number);
    expect(middle).toMatchObject({ state: "open", applies: 0 });
    expect(middle.reviews).toHaveLength(1);

    const rest = await Promise.allSettled(approvers.slice(1).map((actor) => approve(number, actor)));
    expect(rest.filter((result) => result.status === "fulfilled" && result.value.applied)).toHaveLength(1);
    const after = await counts(number);
    expect(after).toMatchObject({ state: "applied", applies: 1 });
    expect(after.reviews).toHaveLength(2);
    expect(await world.activeNumber("prod", "feature_view", "user_profile")).toBe(2);
  });

  it("catches two requests changing the same object in the target: the later approval is stale", async () => {
    await world.edit<FeatureViewDefinition>("feature_view", "card_profile", (view) => ({
      ...view,
      tags: [...view.tags, "a"],
    }));
    const first = await open("card_profile", "dev", "first");
    const v3 = await world.edit<FeatureViewDefinition>("feature_view", "card_profile", (view) => ({
      ...view,
      tags: [...view.tags, "b"],
    }));
    const second = await open("card_profile", "dev", "second");
    const results = await Promise.allSettled([
      approve(first.number, approvers[0]!),
      approve(second.number, approvers[1]!),
    ]);
    const statuses = results.map(statusOf);
    expect(statuses.filter((status) => status === "ok")).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as AppError).message).toMatch(/must refresh/);
    const applied = await world.activeNumber("staging", "feature_view", "card_profile");
    expect([v3 - 1, v3]).toContain(applied);
  });

  it("applies atomically: when one activation fails, no version moves and the approval is not recorded", async () => {
    const views = ["driver_trip_stats", "category_affinity"];
    for (const name of views) {
      await world.edit<FeatureViewDefinition>("feature_view", name, (view) => ({
        ...view,
        tags: [...view.tags, "atomic"],
      }));
    }
    const { number } = await createPromotionRequest(
      world.prisma,
      {
        workspaceId: world.workspaceId,
        sourceEnvironment: "dev",
        title: "Two views",
        description: "",
        items: views.map((name) => ({ kind: "feature_view" as const, name })),
      },
      world.users.author,
    );
    const stagingBefore = await Promise.all(views.map((name) => world.activeNumber("staging", "feature_view", name)));
    const auditBefore = await world.prisma.auditLog.count();
    const failing = await world.objectId("feature_view", "category_affinity");
    // The second activation fails inside the transaction (as a lost connection or a constraint would).
    await world.database.engine.query(`
      CREATE FUNCTION refuse_activation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.object_id = '${failing}' THEN RAISE EXCEPTION 'activation refused by test'; END IF;
        RETURN NEW;
      END $$`);
    await world.database.engine.query(
      `CREATE TRIGGER refuse_activation BEFORE INSERT OR UPDATE ON active_version FOR EACH ROW EXECUTE FUNCTION refuse_activation()`,
    );
    try {
      await expect(approve(number, approvers[2]!)).rejects.toThrow();
    } finally {
      await world.database.engine.query(`DROP TRIGGER refuse_activation ON active_version`);
      await world.database.engine.query(`DROP FUNCTION refuse_activation()`);
    }
    expect(await Promise.all(views.map((name) => world.activeNumber("staging", "feature_view", name)))).toEqual(
      stagingBefore,
    );
    const after = await counts(number);
    expect(after).toMatchObject({ state: "open", applies: 0 });
    expect(after.reviews).toHaveLength(0);
    expect(await world.prisma.auditLog.count()).toBe(auditBefore);

    const retry = await approve(number, approvers[2]!);
    expect(retry.applied).toBe(true);
    expect(await Promise.all(views.map((name) => world.activeNumber("staging", "feature_view", name)))).not.toEqual(
      stagingBefore,
    );
  });
});
