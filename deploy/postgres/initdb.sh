#!/bin/bash
# Runs once, on the first start of the postgres:15 container with an empty volume
# (mounted into /docker-entrypoint-initdb.d). Creates the FlowViz roles, database
# and PgBouncer auth function from flowviz-roles.sql.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v app_user="${FLOWVIZ_DB_USER:-flowviz}" \
    -v app_password="${FLOWVIZ_DB_PASSWORD:?}" \
    -v app_db="${FLOWVIZ_DB_NAME:-flowviz}" \
    -v auth_user=pgbouncer_auth \
    -v auth_password="${PGBOUNCER_AUTH_PASSWORD:?}" \
    -v exporter_user=flowviz_exporter \
    -v exporter_password="${POSTGRES_EXPORTER_PASSWORD:?}" \
    -f /flowviz/flowviz-roles.sql
