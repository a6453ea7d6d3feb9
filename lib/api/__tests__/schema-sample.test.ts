import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sampleFromSchema } from "@/lib/api/schema-sample";

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" });

describe("sampleFromSchema", () => {
  it("builds an object with every property, enums as their first member and formats filled", () => {
    const schema = z.object({
      name: z.string(),
      role: z.enum(["viewer", "admin"]),
      count: z.number().int().min(1),
      at: z.iso.datetime(),
      tags: z.array(z.string()),
      active: z.boolean(),
      note: z.string().nullable(),
      limit: z.number().default(25),
    });
    const sample = sampleFromSchema(jsonSchema(schema));
    expect(sample).toEqual({
      name: "string",
      role: "viewer",
      count: 1,
      at: "2026-01-15T09:30:00.000Z",
      tags: ["string"],
      active: true,
      note: "string",
      limit: 25,
    });
    expect(schema.safeParse(sample).success).toBe(true);
  });

  it("follows local references and stops on recursive schemas", () => {
    const root = {
      components: { schemas: { Error: { type: "object", properties: { code: { const: "not_found" } } } } },
    };
    expect(sampleFromSchema({ $ref: "#/components/schemas/Error" }, root)).toEqual({ code: "not_found" });
    const loop: Record<string, unknown> = { type: "object", properties: {} };
    (loop.properties as Record<string, unknown>).child = loop;
    expect(() => sampleFromSchema(loop)).not.toThrow();
  });

  it("prefers the schema's own example", () => {
    expect(sampleFromSchema({ type: "string", examples: ["user_profile"] })).toBe("user_profile");
  });
});
