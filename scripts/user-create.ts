/**
 * `npm run user:create -- --email a@b.c --role admin [--name "Ada"] [--workspace slug] [--password-stdin]`
 * Creates a user with a role in a workspace (the first one by default). Without
 * --password-stdin it prompts for the password without echoing it.
 */
import { parseArgs } from "node:util";
import readline from "node:readline";
import { z } from "zod";
import { closeDb, db, dbEngine } from "@/lib/db";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { createUser } from "@/lib/data/users";
import { getFirstWorkspace, getWorkspaceBySlug, createWorkspace } from "@/lib/data/workspaces";
import { applyMigrations } from "@/lib/migrate";
import { AppError } from "@/lib/errors";
import { roleSchema } from "@/lib/validations/admin";

const argsSchema = z.object({
  email: z.string().trim().email("--email must be an email address"),
  role: roleSchema,
  name: z.string().trim().max(120).optional(),
  workspace: z.string().trim().optional(),
  "password-stdin": z.boolean().optional(),
});

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString("utf8")
      .replace(/\r?\n$/, "");
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Mute the echo of what is typed after the prompt.
  const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let prompting = true;
  output._writeToOutput = (s: string) => {
    if (!prompting) output.output.write(s);
  };
  process.stdout.write("Password: ");
  const password = await new Promise<string>((resolve) => rl.question("", resolve));
  prompting = false;
  rl.close();
  process.stdout.write("\n");
  return password;
}

try {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string", default: "viewer" },
      name: { type: "string" },
      workspace: { type: "string" },
      "password-stdin": { type: "boolean" },
    },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join(".") ? `--${issue.path.join(".")}: ` : ""}${issue.message}`);
  }
  const args = parsed.data;
  const password = await readPassword(Boolean(args["password-stdin"]));
  if (password.length < 8) throw new Error("the password must have at least 8 characters");

  await applyMigrations(dbEngine());
  const prisma = db();
  const workspace = args.workspace
    ? await getWorkspaceBySlug(prisma, args.workspace)
    : ((await getFirstWorkspace(prisma)) ??
      (await createWorkspace(prisma, { slug: "default", name: "Default workspace" })));
  if (!workspace) throw new Error(`no workspace named "${args.workspace}"`);
  const user = await createUser(prisma, {
    email: args.email,
    name: args.name,
    password,
    role: args.role,
    workspaceId: workspace.id,
  });
  console.log(`created ${user.email} as ${args.role} in workspace ${workspace.slug}`);
} catch (error) {
  const message =
    error instanceof AppError || (error instanceof Error && !("code" in error))
      ? error.message
      : describeDatabaseError(error, process.env.DATABASE_URL);
  console.error(`user:create failed: ${message}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
