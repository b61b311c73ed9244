#!/bin/sh
# Writes the userlist for the auth and admin users from the environment, then
# runs PgBouncer in the foreground. Application users are not listed: PgBouncer
# fetches their SCRAM secrets from PostgreSQL with auth_query.
set -eu
: "${PGBOUNCER_AUTH_PASSWORD:?PGBOUNCER_AUTH_PASSWORD is not set}"
: "${PGBOUNCER_ADMIN_PASSWORD:?PGBOUNCER_ADMIN_PASSWORD is not set}"
umask 077
printf '"%s" "%s"\n"%s" "%s"\n' \
    pgbouncer_auth "$PGBOUNCER_AUTH_PASSWORD" \
    pgbouncer_admin "$PGBOUNCER_ADMIN_PASSWORD" > /run/pgbouncer/userlist.txt
exec pgbouncer "$@"
