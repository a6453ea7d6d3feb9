import { describe, expect, it } from "vitest";
import { matchCommands, paletteCommands } from "@/lib/navigation/palette-commands";

describe("palette commands", () => {
  it("offers authoring, imports and new objects to authors, and the API reference to everyone", () => {
    const author = paletteCommands({ canAuthor: true, isAdmin: false }).map((command) => command.href);
    expect(author).toEqual(
      expect.arrayContaining(["/authoring", "/imports/feast", "/catalog/feature_view/new", "/docs/api"]),
    );
    expect(author).not.toContain("/admin/users");
    const viewer = paletteCommands({ canAuthor: false, isAdmin: false }).map((command) => command.href);
    expect(viewer).toContain("/docs/api");
    expect(viewer.some((href) => href.endsWith("/new") || href === "/imports/feast")).toBe(false);
  });

  it("matches every word of the query against the label and keywords", () => {
    const commands = paletteCommands({ canAuthor: true, isAdmin: true });
    expect(matchCommands(commands, "new view").map((command) => command.label)).toEqual(["New feature view"]);
    expect(matchCommands(commands, "feast").map((command) => command.href)).toEqual(["/imports/feast"]);
    expect(matchCommands(commands, "openapi").map((command) => command.href)).toEqual(["/docs/api"]);
    expect(matchCommands(commands, "")).toHaveLength(commands.length);
    expect(matchCommands(commands, "zzz")).toEqual([]);
  });
});
