/** "Use it in code" snippets: Feast-style online lookup and feature service definition. Pure. */

export function onlineRequestSnippet(options: {
  serviceName: string | null;
  featureRefs: string[];
  joinKeys: { name: string; valueType: string }[];
}): string {
  const entities = Object.fromEntries(
    (options.joinKeys.length ? options.joinKeys : [{ name: "entity_id", valueType: "string" }]).map((key) => [
      key.name,
      [key.valueType.startsWith("int") ? 1001 : `${key.name.replace(/_id$/, "")}_1001`],
    ]),
  );
  const body = options.serviceName
    ? { feature_service: options.serviceName, entities }
    : { features: options.featureRefs, entities };
  return [
    'curl -X POST "$FEATURE_SERVER_URL/get-online-features" \\',
    "  -H 'content-type: application/json' \\",
    `  -d '${JSON.stringify(body)}'`,
  ].join("\n");
}

function pythonIdentifier(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, "_");
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

export function featureServiceSnippet(serviceName: string, groups: { view: string; features: string[] }[]): string {
  const views = [...new Set(groups.map((group) => pythonIdentifier(group.view)))];
  return [
    "from feast import FeatureService",
    `from features import ${views.join(", ")}`,
    "",
    `${pythonIdentifier(serviceName)} = FeatureService(`,
    `    name="${serviceName}",`,
    "    features=[",
    ...groups.map(
      (group) => `        ${pythonIdentifier(group.view)}[[${group.features.map((f) => `"${f}"`).join(", ")}]],`,
    ),
    "    ],",
    ")",
  ].join("\n");
}
