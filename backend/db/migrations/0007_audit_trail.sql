-- The audit trail (21 CFR Part 11 style): every create, change and removal of a lot, a parent
-- link, a production run, a lot profile, a QC gate, a CCP limit, a user and a signing key is
-- kept in one append-only table: who (the API's user, and the database role), when, what (the
-- whole row created or removed; for a change, the old and the new value of each column that
-- changed) and why. Triggers write it, so a change made any way (API, SQL console, a
-- migration) is recorded; the API names its user in the transaction setting flowviz.actor
-- (with the account check every request runs) and a reason, where the request gives one, in
-- flowviz.reason. QC decisions and limit changes are append-only records of their own.

CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    at         timestamptz(3) NOT NULL DEFAULT now(),
    actor      uuid,
    db_user    text NOT NULL DEFAULT session_user,
    action     text NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
    entity     text NOT NULL,
    entity_key text NOT NULL,
    old_values jsonb,
    new_values jsonb,
    reason     text NOT NULL DEFAULT ''
);
-- An auditor asks for one lot's (user's, run's) history, or for a time range. The entries
-- are written in time order, so a BRIN index covers the range at almost no cost per insert;
-- an index per actor would cost every insert more (about a quarter of a bare lot INSERT
-- for the two B-trees on time and actor, measured with pgbench) than the rare query by
-- actor gains over a scan of the newest entries.
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_key, id DESC);
CREATE INDEX audit_log_at_idx ON audit_log USING brin (at);

-- One row of audit_log for the row the trigger fired on. Arguments: the column that names the
-- row (its key), then the columns whose change alone is not worth a record (bookkeeping such
-- as updated_at) and the columns whose values are secret (recorded as "(secret)", so that a
-- change of them is seen, never their value), each as a comma-separated list.
CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_row jsonb;
    new_row jsonb;
    row_key text;
    secret  text;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        old_row := to_jsonb(OLD);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_row := to_jsonb(NEW);
    END IF;
    row_key := coalesce(new_row, old_row) ->> TG_ARGV[0];
    IF TG_OP = 'UPDATE' THEN
        SELECT jsonb_object_agg(n.key, old_row -> n.key), jsonb_object_agg(n.key, n.value)
          INTO old_row, new_row
          FROM jsonb_each(new_row) n
         WHERE (old_row -> n.key) IS DISTINCT FROM n.value
           AND n.key <> ALL (string_to_array(coalesce(TG_ARGV[1], ''), ','));
        IF new_row IS NULL THEN
            RETURN NULL;
        END IF;
    END IF;
    IF TG_NARGS > 2 THEN
        FOREACH secret IN ARRAY string_to_array(TG_ARGV[2], ',') LOOP
            IF old_row ? secret THEN
                old_row := old_row || jsonb_build_object(secret, '(secret)');
            END IF;
            IF new_row ? secret THEN
                new_row := new_row || jsonb_build_object(secret, '(secret)');
            END IF;
        END LOOP;
    END IF;
    INSERT INTO audit_log (actor, action, entity, entity_key, old_values, new_values, reason)
    VALUES (nullif(current_setting('flowviz.actor', true), '')::uuid, TG_OP, TG_TABLE_NAME,
            row_key, old_row, new_row, coalesce(current_setting('flowviz.reason', true), ''));
    RETURN NULL;
END;
$$;

CREATE TRIGGER lots_audit AFTER INSERT OR UPDATE OR DELETE ON lots
    FOR EACH ROW EXECUTE FUNCTION audit_row('lot_code', 'updated_at');
CREATE TRIGGER lot_genealogy_audit AFTER INSERT OR UPDATE OR DELETE ON lot_genealogy
    FOR EACH ROW EXECUTE FUNCTION audit_row('child_lot_id');
CREATE TRIGGER production_runs_audit AFTER INSERT OR UPDATE OR DELETE ON production_runs
    FOR EACH ROW EXECUTE FUNCTION audit_row('run_code');
CREATE TRIGGER lot_profiles_audit AFTER INSERT OR UPDATE OR DELETE ON lot_profiles
    FOR EACH ROW EXECUTE FUNCTION audit_row('lot_type', 'updated_at');
CREATE TRIGGER qc_gates_audit AFTER INSERT OR UPDATE OR DELETE ON qc_gates
    FOR EACH ROW EXECUTE FUNCTION audit_row('gate_number');
CREATE TRIGGER ccp_limits_audit_log AFTER INSERT OR UPDATE OR DELETE ON ccp_limits
    FOR EACH ROW EXECUTE FUNCTION audit_row('id', 'updated_at');
CREATE TRIGGER users_audit AFTER INSERT OR UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION audit_row('username', 'updated_at,last_login_at', 'password_hash');
CREATE TRIGGER user_signing_keys_audit AFTER INSERT OR UPDATE OR DELETE ON user_signing_keys
    FOR EACH ROW EXECUTE FUNCTION audit_row('user_id', '', 'sealed_secret,nonce,kdf_salt');

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
