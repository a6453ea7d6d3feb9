import type { Metadata } from "next";
import { ChannelRowActions, CreateChannelForm } from "@/components/monitoring/channel-forms";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { listChannels } from "@/lib/server/notifications/channels";
import { roleAtLeast } from "@/lib/data/users";
import { listTeamOptions } from "@/lib/server/catalog";
import { requireWorkspace } from "@/lib/session";

export const metadata: Metadata = { title: "Notification channels" };

const KIND_LABEL = { webhook: "Webhook", slack: "Slack", email: "Email" } as const;

export default async function ChannelsPage() {
  const context = await requireWorkspace();
  const isAdmin = roleAtLeast(context.role, "admin");
  if (!isAdmin) {
    return (
      <>
        <PageHeader title="Notification channels" />
        <p className="text-sm text-slate-600">Only workspace admins manage notification channels.</p>
      </>
    );
  }
  const [channels, teams] = await Promise.all([
    listChannels({ workspaceId: context.workspace.id }),
    listTeamOptions(context.workspace.id),
  ]);
  return (
    <>
      <PageHeader
        title="Notification channels"
        description="Where alerts are sent when they open, escalate, repeat (until acknowledged) and resolve. Each channel takes alerts of at least its severity, on the objects of its team or every object. Deliveries are retried with backoff (30 s, 2 min, 10 min, 30 min) and then given up; each alert's page lists its deliveries."
      />
      {channels.length === 0 ? (
        <p className="mb-4 text-sm text-slate-600">No channels yet: alerts are shown here but nobody is told.</p>
      ) : (
        <Table
          caption="Notification channels"
          head={
            <>
              <Th>Channel</Th>
              <Th>Sends to</Th>
              <Th>Routing</Th>
              <Th>Last delivery</Th>
              <Th>Actions</Th>
            </>
          }
        >
          {channels.map((channel) => (
            <tr key={channel.id} data-testid={`channel-${channel.name}`}>
              <Td className="font-medium">
                {channel.name}{" "}
                <Badge tone={channel.enabled ? "good" : "neutral"}>
                  {channel.enabled ? KIND_LABEL[channel.kind] : "disabled"}
                </Badge>
              </Td>
              <Td className="break-all">{channel.targetHint}</Td>
              <Td>
                {channel.minSeverity === "critical" ? "critical" : "warning and critical"},{" "}
                {channel.teamName ? `objects of ${channel.teamName}` : "every object"}
              </Td>
              <Td>
                {channel.lastDelivery ? (
                  <>
                    <Badge
                      tone={
                        channel.lastDelivery.status === "sent"
                          ? "good"
                          : channel.lastDelivery.status === "pending"
                            ? "neutral"
                            : "bad"
                      }
                    >
                      {channel.lastDelivery.status.replace("_", " ")}
                    </Badge>{" "}
                    {formatDateTime(channel.lastDelivery.at)}
                    {channel.lastDelivery.error ? (
                      <span className="block text-xs text-red-700">{channel.lastDelivery.error}</span>
                    ) : null}
                  </>
                ) : (
                  "never"
                )}
              </Td>
              <Td>
                <ChannelRowActions channelId={channel.id} name={channel.name} enabled={channel.enabled} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <div className="mt-6 max-w-xl">
        <Card title="New channel">
          <CreateChannelForm teams={teams} />
        </Card>
      </div>
    </>
  );
}
