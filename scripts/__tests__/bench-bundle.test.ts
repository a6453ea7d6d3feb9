import { describe, expect, it } from "vitest";
import { measureRoutes } from "../bench-bundle";

describe("measureRoutes", () => {
  it("sums each route's distinct chunks in KB, largest route first, gzipping a shared chunk once", () => {
    const sizes: Record<string, number> = { "a.js": 1024, "b.js": 2048, "c.js": 512 };
    const calls: string[] = [];
    const routes = measureRoutes(
      [
        { route: "/small", firstLoadChunkPaths: ["a.js"] },
        { route: "/big", firstLoadChunkPaths: ["a.js", "b.js", "c.js", "b.js"] },
      ],
      (chunk) => {
        calls.push(chunk);
        return sizes[chunk]!;
      },
    );
    expect(routes).toEqual([
      { route: "/big", chunks: 3, firstLoadKbGzip: 3.5 },
      { route: "/small", chunks: 1, firstLoadKbGzip: 1 },
    ]);
    expect(calls.sort()).toEqual(["a.js", "b.js", "c.js"]);
  });
});
