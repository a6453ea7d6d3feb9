/** Pages the ⌘K palette jumps to besides search hits: where things are made, imported and documented. */
export interface PaletteCommand {
  label: string;
  href: string;
  /** Words that find the command besides its label. */
  keywords: string;
}

const NEW_KINDS: [kind: string, label: string][] = [
  ["feature_view", "feature view"],
  ["data_source", "data source"],
  ["entity", "entity"],
  ["feature_service", "feature service"],
  ["model", "model"],
  ["saved_dataset", "saved dataset"],
];

export function paletteCommands(options: { canAuthor: boolean; isAdmin: boolean }): PaletteCommand[] {
  return [
    ...(options.canAuthor
      ? [
          ...NEW_KINDS.map(([kind, label]) => ({
            label: `New ${label}`,
            href: `/catalog/${kind}/new`,
            keywords: "create add authoring",
          })),
          { label: "Authoring", href: "/authoring", keywords: "definitions code plan apply repository" },
          { label: "Import from Feast", href: "/imports/feast", keywords: "imports registry feast" },
          { label: "New promotion request", href: "/promotions/new", keywords: "promote ship deploy" },
        ]
      : []),
    { label: "API reference", href: "/docs/api", keywords: "docs openapi rest tokens" },
    { label: "Promotion requests", href: "/promotions", keywords: "review approve inbox" },
    { label: "Audit log", href: "/promotions/audit", keywords: "history changes" },
    { label: "Monitoring alerts", href: "/monitoring/alerts", keywords: "incidents firing" },
    { label: "Alert rules", href: "/monitoring/rules", keywords: "monitoring thresholds notifications" },
    { label: "Your account", href: "/account", keywords: "password profile settings" },
    ...(options.isAdmin
      ? [
          { label: "Admin: members", href: "/admin/users", keywords: "users roles invite" },
          { label: "Admin: single sign-on", href: "/admin/sso", keywords: "sso oidc login" },
        ]
      : []),
  ];
}

/** Commands whose label or keywords contain every word of the query (all of them for no query). */
export function matchCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((command) => {
    const text = `${command.label} ${command.keywords}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
