#!/bin/sh
# Runs once, when the postgres container initialises an EMPTY data directory (docker-entrypoint-initdb.d);
# it does not run again for an existing volume. Creates one least-privilege login role per consumer so the
# app and Temporal never use the superuser:
#   app       owns database "app"; the migrate job and the api/worker connect as this role.
#   temporal  may create databases; the temporal-schema job creates "temporal" and "temporal_visibility".
# No `set -u` here: the entrypoint sources this file when it is not executable, and that would leak into it.
# Passwords are passed as psql variables and quoted by psql (:'name'), never spliced into SQL by the shell.
: "${APP_DB_PASSWORD:?APP_DB_PASSWORD must be set}"
: "${TEMPORAL_DB_PASSWORD:?TEMPORAL_DB_PASSWORD must be set}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$APP_DB_PASSWORD" \
  -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE app LOGIN PASSWORD :'app_password';
CREATE DATABASE app OWNER app;
REVOKE ALL ON DATABASE app FROM PUBLIC;
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_password';
SQL
