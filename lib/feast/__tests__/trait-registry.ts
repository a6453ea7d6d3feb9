/*
 * A Feast registry with the traits real registries of several eras have and the import must
 * carry over: unnamed embedded batch sources (0.18 era; two identical, one different), a
 * UDF-only stream view, `ttl: 0s` and an omitted TTL, a saved dataset with join keys, storage
 * and a time range, materialization intervals, enum numbers, a projection alias, an on-demand
 * view choosing input columns with `mode`, fields omitted at their defaults. Tests encode it
 * with the project's protobuf schema into a registry.db.
 */
export const TRAIT_PROJECT = "traits";

export function traitRegistry(): Record<string, unknown> {
  const unnamedTrips = { type: 1, timestampField: "ts", fileOptions: { uri: "s3://rides/trips.parquet" } };
  return {
    projects: [{ spec: { name: TRAIT_PROJECT } }],
    entities: [
      {
        spec: { name: "driver", joinKey: "driver_id", valueType: 4, project: TRAIT_PROJECT },
        meta: { createdTimestamp: "2022-01-02T03:04:05Z", lastUpdatedTimestamp: "2022-02-03T04:05:06.500Z" },
      },
    ],
    featureViews: [
      {
        spec: {
          name: "driver_trips",
          project: TRAIT_PROJECT,
          entities: ["driver"],
          features: [
            { name: "trips_today", valueType: 4 },
            { name: "rating", valueType: 6 },
          ],
          ttl: "0s",
          batchSource: unnamedTrips,
          online: true,
        },
        meta: {
          createdTimestamp: "2022-01-02T03:04:05Z",
          lastUpdatedTimestamp: "2022-03-01T00:00:00Z",
          materializationIntervals: [
            { startTime: "2022-02-01T00:00:00Z", endTime: "2022-02-02T00:00:00Z" },
            { startTime: "2022-02-02T00:00:00Z", endTime: "2022-02-03T00:00:00Z" },
          ],
        },
      },
      {
        // Same unnamed source as driver_trips: one source for both.
        spec: {
          name: "driver_trips_weekly",
          project: TRAIT_PROJECT,
          entities: ["driver"],
          features: [{ name: "trips_week", valueType: 4 }],
          batchSource: { ...unnamedTrips },
        },
      },
      {
        spec: {
          name: "driver_profile",
          project: TRAIT_PROJECT,
          entities: ["driver"],
          features: [{ name: "vehicle", valueType: 2 }],
          ttl: "86400s",
          batchSource: { type: 1, timestampField: "ts", fileOptions: { uri: "s3://rides/profile.parquet" } },
          offline: true,
        },
      },
    ],
    streamFeatureViews: [
      {
        spec: {
          name: "driver_live",
          project: TRAIT_PROJECT,
          entities: ["driver"],
          features: [{ name: "speed", valueType: 5 }],
          streamSource: {
            name: "driver_events",
            type: 3,
            kafkaOptions: { topic: "driver.events" },
            batchSource: { name: "driver_events_archive", type: 1, fileOptions: { uri: "s3://rides/events/" } },
          },
          userDefinedFunction: { name: "clean", bodyText: "def clean(df):\n    return df\n" },
          mode: "spark",
          online: true,
        },
      },
    ],
    onDemandFeatureViews: [
      {
        spec: {
          name: "trip_ratio",
          project: TRAIT_PROJECT,
          sources: {
            driver_trips: {
              featureViewProjection: { featureViewName: "driver_trips", featureColumns: [{ name: "trips_today" }] },
            },
            req: {
              requestDataSource: {
                name: "ride_request",
                type: 7,
                requestDataOptions: { schema: [{ name: "distance", valueType: 5 }] },
              },
            },
          },
          features: [{ name: "ratio", valueType: 5 }],
          featureTransformation: {
            userDefinedFunction: { name: "ratio", bodyText: "def ratio(inputs):\n    return inputs\n" },
          },
          mode: "python",
        },
      },
    ],
    featureServices: [
      {
        spec: {
          name: "driver_ranking",
          project: TRAIT_PROJECT,
          features: [
            { featureViewName: "driver_trips", featureViewNameAlias: "trips", featureColumns: [{ name: "rating" }] },
            { featureViewName: "driver_profile" },
          ],
        },
        meta: { createdTimestamp: "2022-01-05T00:00:00Z" },
      },
    ],
    savedDatasets: [
      {
        spec: {
          name: "ranking_training",
          project: TRAIT_PROJECT,
          features: ["driver_trips:rating", "driver_profile:vehicle"],
          joinKeys: ["driver_id", "event_timestamp"],
          featureServiceName: "driver_ranking",
          storage: { fileStorage: { uri: "s3://rides/training.parquet" } },
        },
        meta: { minEventTimestamp: "2021-12-01T00:00:00Z", maxEventTimestamp: "2022-01-01T00:00:00Z" },
      },
    ],
  };
}
