#!/bin/sh
# One-shot (service temporal-schema): create or upgrade Temporal's two PostgreSQL databases.
# Uses temporal-sql-tool and the schema files EMBEDDED in it, so the schema always matches the
# admin-tools image tag, which is pinned to the same version as temporalio/server.
# Idempotent: create-database ignores an existing database, setup-schema -v 0.0 keeps a newer
# version, and update-schema applies only the versioned migrations that are missing. That makes
# it the upgrade path too: bump both image tags, `up` again, and the new migrations are applied
# before the new server starts.
# Connection settings come from SQL_PLUGIN, SQL_HOST, SQL_PORT, SQL_USER and SQL_PASSWORD.
set -eu
: "${SQL_PASSWORD:?SQL_PASSWORD must be set}"

for target in temporal:temporal temporal_visibility:visibility; do
  db=${target%%:*}
  schema=postgresql/v12/${target#*:}
  echo "temporal-schema: $db <- $schema"
  temporal-sql-tool --db "$db" create-database
  temporal-sql-tool --db "$db" setup-schema -v 0.0
  temporal-sql-tool --db "$db" update-schema --schema-name "$schema"
done
echo 'temporal-schema: done'
