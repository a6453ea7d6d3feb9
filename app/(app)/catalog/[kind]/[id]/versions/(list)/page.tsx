import { catalogHref } from "@/lib/routes";
import { KIND_LABELS } from "@/lib/kinds";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RevertButton } from "@/components/authoring/revert-button";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { findCurrentDefinition, listActivePins, listVersions } from "@/lib/server/definitions";
import { roleAtLeast } from "@/lib/data/users";
import { formatDateTime } from "@/lib/format";
import { requireWorkspace } from "@/lib/session";
import { definitionName } from "../../definition-title";

type Params = Promise<{ kind: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { kind, id } = await params;
  const name = await definitionName(kind, id);
  return { title: name ? `History · ${name}` : "Not found" };
}

export default async function VersionsPage({ params }: { params: Params }) {
  const { kind, id } = await params;
  const { workspace, role } = await requireWorkspace();
  const current = await findCurrentDefinition(workspace.id, { kind, id });
  if (!current) notFound();
  const scope = { workspaceId: workspace.id, kind: current.kind, objectId: current.objectId };
  const [versions, pins] = await Promise.all([listVersions(scope), listActivePins(scope)]);
  const canEdit = roleAtLeast(role, "author");
  const latest = current.version.number;
  const base = catalogHref(current.kind, current.objectId);
  const defaultFrom = versions[1]?.number ?? latest;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/catalog" className="hover:underline">
          Catalog
        </Link>{" "}
        /{" "}
        <Link href={base} className="hover:underline">
          {current.name}
        </Link>{" "}
        / history
      </nav>
      <PageHeader
        title={`History of ${current.name}`}
        description={`${KIND_LABELS[current.kind].one} · ${versions.length} version${versions.length === 1 ? "" : "s"}. Versions are immutable; a revert saves an old one again as the newest.`}
        actions={
          canEdit ? (
            <Link href={`${base}/edit`} className={buttonClasses("primary")}>
              Edit
            </Link>
          ) : undefined
        }
      />

      {versions.length > 1 ? (
        <Card title="Compare two versions">
          <form action={`${base}/versions/diff`} method="get" className="flex flex-wrap items-end gap-3">
            <VersionSelect
              name="from"
              label="From"
              numbers={versions.map((v) => v.number)}
              defaultValue={defaultFrom}
            />
            <VersionSelect name="to" label="To" numbers={versions.map((v) => v.number)} defaultValue={latest} />
            <button type="submit" className={buttonClasses("secondary")}>
              Compare
            </button>
          </form>
        </Card>
      ) : null}

      <Table
        caption="Versions, newest first"
        head={
          <>
            <Th>Version</Th>
            <Th>Message</Th>
            <Th>Author</Th>
            <Th>Saved</Th>
            <Th>Active in</Th>
            <Th>Content hash</Th>
            <Th />
          </>
        }
      >
        {versions.map((version) => {
          const activeIn = pins.filter((pin) => pin.versionId === version.id).map((pin) => pin.environment);
          return (
            <tr key={version.id} data-testid={`version-row-${version.number}`}>
              <Td className="font-medium">
                <Link href={`${base}/versions/${version.number}`} className="text-brand-700 hover:underline">
                  v{version.number}
                </Link>
                {version.number === latest ? (
                  <span className="ml-2">
                    <Badge tone="info">latest</Badge>
                  </span>
                ) : null}
              </Td>
              <Td>{version.message || <span className="text-slate-400">no message</span>}</Td>
              <Td>{version.authorName ?? <span className="text-slate-500">API token</span>}</Td>
              <Td className="whitespace-nowrap text-slate-600">{formatDateTime(version.createdAt)}</Td>
              <Td>
                <span className="flex gap-1">
                  {activeIn.map((environment) => (
                    <Badge key={environment} tone="good">
                      {environment}
                    </Badge>
                  ))}
                </span>
              </Td>
              <Td>
                <code className="text-xs text-slate-500" title={version.contentHash}>
                  {version.contentHash.slice(0, 10)}
                </code>
              </Td>
              <Td>
                <span className="flex flex-wrap items-start gap-2">
                  {version.number !== latest ? (
                    <Link
                      href={`${base}/versions/diff?from=${version.number}&to=${latest}`}
                      className={buttonClasses("ghost")}
                      aria-label={`Compare version ${version.number} with the latest`}
                    >
                      Compare with latest
                    </Link>
                  ) : null}
                  {canEdit && version.number !== latest ? (
                    <RevertButton
                      kind={current.kind}
                      objectId={current.objectId}
                      versionNumber={version.number}
                      latestVersionNumber={latest}
                    />
                  ) : null}
                </span>
              </Td>
            </tr>
          );
        })}
      </Table>
    </div>
  );
}

/** One end of the comparison: a version number picker (ids compare-from / compare-to). */
function VersionSelect({
  name,
  label,
  numbers,
  defaultValue,
}: {
  name: "from" | "to";
  label: string;
  numbers: number[];
  defaultValue: number | undefined;
}) {
  return (
    <div className="text-sm">
      <label htmlFor={`compare-${name}`} className="mb-1 block font-medium">
        {label}
      </label>
      <select
        id={`compare-${name}`}
        name={name}
        defaultValue={defaultValue}
        className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      >
        {numbers.map((number) => (
          <option key={number} value={number}>
            Version {number}
          </option>
        ))}
      </select>
    </div>
  );
}
