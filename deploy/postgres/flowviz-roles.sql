-- Roles, database and the PgBouncer auth function for FlowViz.
-- Idempotent; run as a superuser with psql variables:
--   psql -v ON_ERROR_STOP=1 -v app_user=flowviz -v app_password=... -v app_db=flowviz \
--        -v auth_user=pgbouncer_auth -v auth_password=... \
--        -v exporter_user=flowviz_exporter -v exporter_password=... -f flowviz-roles.sql
-- Used by the compose stack (postgres/initdb.sh) and by deploy/local/stack.sh.
-- Passwords are stored as SCRAM-SHA-256 secrets (password_encryption default in PG 15).
\set ON_ERROR_STOP on
SET password_encryption = 'scram-sha-256';

-- Application role: owns the database, is not a superuser.
SELECT format('CREATE ROLE %I LOGIN', :'app_user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_user') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER PASSWORD %L', :'app_user', :'app_password') \gexec

-- PgBouncer looks client secrets up through this role (auth_user + auth_query).
SELECT format('CREATE ROLE %I LOGIN', :'auth_user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'auth_user') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'auth_user', :'auth_password') \gexec

-- postgres-exporter: read-only monitoring role.
SELECT format('CREATE ROLE %I LOGIN', :'exporter_user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'exporter_user') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER PASSWORD %L', :'exporter_user', :'exporter_password') \gexec
SELECT format('GRANT pg_monitor TO %I', :'exporter_user') \gexec

SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'app_db', :'app_user', 'UTF8')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'app_db') \gexec
-- Server-side defaults, so nothing depends on session-level SET under transaction pooling.
SELECT format('ALTER DATABASE %I SET timezone TO %L', :'app_db', 'UTC') \gexec
SELECT format('ALTER DATABASE %I SET datestyle TO %L', :'app_db', 'ISO, YMD') \gexec

-- PgBouncer 1.18 runs auth_query in the database the client connects to, so the
-- lookup function lives in the application database. SECURITY DEFINER (owned by the
-- superuser running this script) lets the unprivileged auth role read pg_authid,
-- but only for ordinary login roles: superusers cannot log in through PgBouncer.
\connect :app_db
CREATE SCHEMA IF NOT EXISTS pgbouncer;
REVOKE ALL ON SCHEMA pgbouncer FROM PUBLIC;
CREATE OR REPLACE FUNCTION pgbouncer.get_auth(p_usename text)
RETURNS TABLE (usename name, passwd text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog
AS $$
    SELECT rolname,
           CASE WHEN rolvaliduntil < now() THEN NULL ELSE rolpassword END
      FROM pg_catalog.pg_authid
     WHERE rolname = p_usename
       AND rolcanlogin
       AND NOT rolsuper
$$;
REVOKE ALL ON FUNCTION pgbouncer.get_auth(text) FROM PUBLIC;
SELECT format('GRANT USAGE ON SCHEMA pgbouncer TO %I', :'auth_user') \gexec
SELECT format('GRANT EXECUTE ON FUNCTION pgbouncer.get_auth(text) TO %I', :'auth_user') \gexec
