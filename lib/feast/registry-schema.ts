/*
 * The part of Feast's registry protobuf (`registry.db`, the `Registry` message) that Featureline
 * reads, written from the field numbers of Feast's published protos
 * (`protos/feast/core/*.proto` in feast-dev/feast, 0.18 to 0.5x). Fields Featureline does not
 * read are left out: the decoder skips unknown fields, so newer Feast versions still decode.
 * Field names are Feast's, so the decoded message has the same camelCase keys as
 * `feast registry-dump` JSON and both go through one mapper.
 *
 * `google.protobuf.Timestamp` and `Duration` are declared locally under their own names
 * (same wire format); `registry-proto.ts` turns them into the dump's RFC 3339 / "86400s" text.
 */
export const FEAST_REGISTRY_PROTO = `
syntax = "proto3";
package feast.core;

message Timestamp { int64 seconds = 1; int32 nanos = 2; }
message Duration { int64 seconds = 1; int32 nanos = 2; }

// feast/types/Value.proto ValueType.Enum
enum ValueType {
  INVALID = 0; BYTES = 1; STRING = 2; INT32 = 3; INT64 = 4; DOUBLE = 5; FLOAT = 6; BOOL = 7;
  UNIX_TIMESTAMP = 8; BYTES_LIST = 11; STRING_LIST = 12; INT32_LIST = 13; INT64_LIST = 14;
  DOUBLE_LIST = 15; FLOAT_LIST = 16; BOOL_LIST = 17; UNIX_TIMESTAMP_LIST = 18; NULL = 19;
}

// Registry.proto
message Registry {
  repeated Entity entities = 1;
  string registry_schema_version = 3;
  string version_id = 4;
  Timestamp last_updated = 5;
  repeated FeatureView feature_views = 6;
  repeated FeatureService feature_services = 7;
  repeated OnDemandFeatureView on_demand_feature_views = 8;
  repeated SavedDataset saved_datasets = 11;
  repeated DataSource data_sources = 12;
  repeated StreamFeatureView stream_feature_views = 14;
  repeated ProjectMetadata project_metadata = 15;
  repeated Project projects = 17;
}
message ProjectMetadata { string project = 1; string project_uuid = 2; }
message Project { ProjectSpec spec = 1; ObjectMeta meta = 2; }
message ProjectSpec { string name = 1; string description = 2; map<string, string> tags = 3; string owner = 4; }

// created / updated timestamps: the first two fields of every *Meta message
message ObjectMeta { Timestamp created_timestamp = 1; Timestamp last_updated_timestamp = 2; }

// Entity.proto
message Entity { EntitySpecV2 spec = 1; ObjectMeta meta = 2; }
message EntitySpecV2 {
  string name = 1; ValueType value_type = 2; string description = 3; string join_key = 4;
  map<string, string> tags = 8; string project = 9; string owner = 10;
}

// Feature.proto
message FeatureSpecV2 {
  string name = 1; ValueType value_type = 2; map<string, string> tags = 3; string description = 4;
}

// DataSource.proto
message DataSource {
  enum SourceType {
    INVALID = 0; BATCH_FILE = 1; BATCH_BIGQUERY = 2; STREAM_KAFKA = 3; STREAM_KINESIS = 4;
    BATCH_REDSHIFT = 5; CUSTOM_SOURCE = 6; REQUEST_SOURCE = 7; BATCH_SNOWFLAKE = 8; PUSH_SOURCE = 9;
    BATCH_TRINO = 10; BATCH_SPARK = 11; BATCH_ATHENA = 12;
  }
  SourceType type = 1;
  map<string, string> field_mapping = 2;
  string timestamp_field = 3;
  string date_partition_column = 4;
  string created_timestamp_column = 5;
  string data_source_class_type = 17;
  string name = 20;
  string project = 21;
  string description = 23;
  map<string, string> tags = 24;
  string owner = 25;
  DataSource batch_source = 26;
  message FileOptions { string uri = 2; string s3_endpoint_override = 3; }
  message TableOptions { string table = 1; string query = 2; string schema = 3; string database = 4; }
  message KafkaOptions { string kafka_bootstrap_servers = 1; string topic = 2; Duration watermark_delay_threshold = 4; }
  message KinesisOptions { string region = 1; string stream_name = 2; }
  message SparkOptions { string table = 1; string query = 2; string path = 3; string file_format = 4; }
  message RequestDataOptions { map<string, ValueType> deprecated_schema = 2; repeated FeatureSpecV2 schema = 3; }
  message PushOptions {}
  message CustomSourceOptions {}
  oneof options {
    FileOptions file_options = 11;
    TableOptions bigquery_options = 12;
    KafkaOptions kafka_options = 13;
    KinesisOptions kinesis_options = 14;
    TableOptions redshift_options = 15;
    CustomSourceOptions custom_options = 16;
    RequestDataOptions request_data_options = 18;
    TableOptions snowflake_options = 19;
    PushOptions push_options = 22;
    SparkOptions spark_options = 27;
    TableOptions trino_options = 30;
    TableOptions athena_options = 35;
  }
}

// FeatureView.proto
message FeatureView { FeatureViewSpec spec = 1; FeatureViewMeta meta = 2; }
message FeatureViewSpec {
  string name = 1; string project = 2; repeated string entities = 3; repeated FeatureSpecV2 features = 4;
  map<string, string> tags = 5; Duration ttl = 6; DataSource batch_source = 7; bool online = 8;
  DataSource stream_source = 9; string description = 10; string owner = 11;
  repeated FeatureSpecV2 entity_columns = 12; bool offline = 13;
}
message FeatureViewMeta {
  Timestamp created_timestamp = 1; Timestamp last_updated_timestamp = 2;
  repeated MaterializationInterval materialization_intervals = 3;
}
message MaterializationInterval { Timestamp start_time = 1; Timestamp end_time = 2; }

// Transformation.proto, OnDemandFeatureView.proto (UserDefinedFunction has the same numbers)
message UserDefinedFunctionV2 { string name = 1; bytes body = 2; string body_text = 3; string mode = 4; }
message FeatureTransformationV2 { UserDefinedFunctionV2 user_defined_function = 1; }

// FeatureViewProjection.proto
message FeatureViewProjection {
  string feature_view_name = 1; repeated FeatureSpecV2 feature_columns = 2;
  string feature_view_name_alias = 3; map<string, string> join_key_map = 4;
}

// OnDemandFeatureView.proto
message OnDemandFeatureView { OnDemandFeatureViewSpec spec = 1; ObjectMeta meta = 2; }
message OnDemandFeatureViewSpec {
  string name = 1; string project = 2; repeated FeatureSpecV2 features = 3;
  map<string, OnDemandSource> sources = 4; UserDefinedFunctionV2 user_defined_function = 5;
  string description = 6; map<string, string> tags = 7; string owner = 8;
  FeatureTransformationV2 feature_transformation = 10; string mode = 11;
  repeated string entities = 13; repeated FeatureSpecV2 entity_columns = 14;
}
message OnDemandSource {
  oneof source {
    FeatureView feature_view = 1;
    DataSource request_data_source = 2;
    FeatureViewProjection feature_view_projection = 3;
  }
}

// StreamFeatureView.proto, Aggregation.proto
message StreamFeatureView { StreamFeatureViewSpec spec = 1; FeatureViewMeta meta = 2; }
message StreamFeatureViewSpec {
  string name = 1; string project = 2; repeated string entities = 3; repeated FeatureSpecV2 features = 4;
  repeated FeatureSpecV2 entity_columns = 5; string description = 6; map<string, string> tags = 7;
  string owner = 8; Duration ttl = 9; DataSource batch_source = 10; DataSource stream_source = 11;
  bool online = 12; UserDefinedFunctionV2 user_defined_function = 13; string mode = 14;
  repeated Aggregation aggregations = 15; string timestamp_field = 16;
}
message Aggregation { string column = 1; string function = 2; Duration time_window = 3; Duration slide_interval = 4; }

// FeatureService.proto
message FeatureService { FeatureServiceSpec spec = 1; ObjectMeta meta = 2; }
message FeatureServiceSpec {
  string name = 1; string project = 2; repeated FeatureViewProjection features = 3;
  map<string, string> tags = 4; string description = 5; string owner = 6;
}

// SavedDataset.proto
message SavedDataset { SavedDatasetSpec spec = 1; SavedDatasetMeta meta = 2; }
message SavedDatasetSpec {
  string name = 1; string project = 2; repeated string features = 3; repeated string join_keys = 4;
  bool full_feature_names = 5; SavedDatasetStorage storage = 6; map<string, string> tags = 7;
  string feature_service_name = 8;
}
message SavedDatasetStorage {
  oneof kind {
    DataSource.FileOptions file_storage = 4;
    DataSource.TableOptions bigquery_storage = 5;
    DataSource.TableOptions redshift_storage = 6;
    DataSource.TableOptions snowflake_storage = 7;
    DataSource.TableOptions trino_storage = 8;
    DataSource.SparkOptions spark_storage = 9;
    DataSource.TableOptions athena_storage = 11;
  }
}
message SavedDatasetMeta {
  Timestamp created_timestamp = 1; Timestamp last_updated_timestamp = 2;
  Timestamp min_event_timestamp = 3; Timestamp max_event_timestamp = 4;
}
`;
