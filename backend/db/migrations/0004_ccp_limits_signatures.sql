-- Food-safety authority in the server: CCP critical limits as data (audited), corrective actions
-- and deviations on QC decisions, and electronic signatures the server verifies (an Ed25519 key
-- per user, its secret sealed under the user's password; see docs/security.md).

-- PASS at a CCP gate needs a signature too when the plant says so.
ALTER TABLE qc_gates ADD COLUMN pass_requires_signature boolean NOT NULL DEFAULT false;

-- The critical limit of a CCP gate, per lot type where it differs; lot_type NULL is the gate's
-- limit for every lot type without its own.
CREATE TABLE ccp_limits (
    id         serial PRIMARY KEY,
    qc_gate_id integer NOT NULL REFERENCES qc_gates (id),
    lot_type   text CHECK (lot_type IN ('RAW', 'DEB', 'BULK', 'MIX', 'SKW', 'FRZ', 'FG')),
    parameter  text NOT NULL DEFAULT 'temperature_c' CHECK (parameter IN ('temperature_c')),
    min_value  numeric(4, 1) CHECK (min_value BETWEEN -50 AND 100),
    max_value  numeric(4, 1) CHECK (max_value BETWEEN -50 AND 100),
    updated_at timestamptz(3) NOT NULL DEFAULT now(),
    updated_by uuid REFERENCES users (id),
    CHECK (min_value IS NOT NULL OR max_value IS NOT NULL),
    CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value),
    CONSTRAINT ccp_limits_key UNIQUE NULLS NOT DISTINCT (qc_gate_id, lot_type, parameter)
);

-- Every change of a limit, kept: who, when, old and new values, and why. Written by a trigger,
-- so a change made any way (API, SQL console) is recorded; the API names its user and reason in
-- the transaction settings flowviz.actor and flowviz.reason.
CREATE TABLE ccp_limit_changes (
    id         bigserial PRIMARY KEY,
    qc_gate_id integer NOT NULL REFERENCES qc_gates (id),
    lot_type   text,
    parameter  text NOT NULL,
    old_min    numeric(4, 1),
    old_max    numeric(4, 1),
    new_min    numeric(4, 1),
    new_max    numeric(4, 1),
    changed_by uuid REFERENCES users (id),
    db_user    text NOT NULL DEFAULT session_user,
    reason     text NOT NULL DEFAULT '',
    changed_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX ccp_limit_changes_gate_idx ON ccp_limit_changes (qc_gate_id, changed_at DESC, id DESC);

CREATE FUNCTION ccp_limits_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    actor uuid := nullif(current_setting('flowviz.actor', true), '')::uuid;
    why   text := coalesce(current_setting('flowviz.reason', true), '');
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO ccp_limit_changes (qc_gate_id, lot_type, parameter, old_min, old_max,
                                       changed_by, reason)
        VALUES (OLD.qc_gate_id, OLD.lot_type, OLD.parameter, OLD.min_value, OLD.max_value,
                actor, why);
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.min_value IS NOT DISTINCT FROM NEW.min_value
       AND OLD.max_value IS NOT DISTINCT FROM NEW.max_value THEN
        RETURN NEW;
    END IF;
    INSERT INTO ccp_limit_changes (qc_gate_id, lot_type, parameter, old_min, old_max, new_min,
                                   new_max, changed_by, reason)
    VALUES (NEW.qc_gate_id, NEW.lot_type, NEW.parameter,
            CASE WHEN TG_OP = 'UPDATE' THEN OLD.min_value END,
            CASE WHEN TG_OP = 'UPDATE' THEN OLD.max_value END,
            NEW.min_value, NEW.max_value, actor, why);
    RETURN NEW;
END;
$$;
CREATE TRIGGER ccp_limits_audit AFTER INSERT OR UPDATE OR DELETE ON ccp_limits
    FOR EACH ROW EXECUTE FUNCTION ccp_limits_audit();

CREATE FUNCTION ccp_limit_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ccp_limit_changes is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER ccp_limit_changes_no_update_delete BEFORE UPDATE OR DELETE ON ccp_limit_changes
    FOR EACH ROW EXECUTE FUNCTION ccp_limit_changes_append_only();
CREATE TRIGGER ccp_limit_changes_no_truncate BEFORE TRUNCATE ON ccp_limit_changes
    FOR EACH STATEMENT EXECUTE FUNCTION ccp_limit_changes_append_only();

-- Freezing: core temperature at or below -18.0 °C, whatever the lot type.
SELECT set_config('flowviz.reason', 'initial limit (migration 0004)', true);
INSERT INTO ccp_limits (qc_gate_id, lot_type, max_value)
SELECT id, NULL, -18.0 FROM qc_gates WHERE gate_number = 7 AND is_ccp;

-- Each user's signing key: the public key, and the secret seed sealed under a key derived from
-- the user's password (argon2id), which only the user can open. The server never keeps the
-- secret in the clear. One key is current per user; a password change retires it.
CREATE TABLE user_signing_keys (
    id            uuid PRIMARY KEY,
    user_id       uuid NOT NULL REFERENCES users (id),
    public_key    bytea NOT NULL UNIQUE CHECK (octet_length(public_key) = 32),
    sealed_secret bytea NOT NULL,
    nonce         bytea NOT NULL,
    kdf_salt      bytea NOT NULL,
    kdf_ops_limit bigint NOT NULL,
    kdf_mem_limit bigint NOT NULL,
    created_at    timestamptz(3) NOT NULL DEFAULT now(),
    retired_at    timestamptz(3)
);
CREATE UNIQUE INDEX user_signing_keys_current_key ON user_signing_keys (user_id)
    WHERE retired_at IS NULL;

ALTER TABLE qc_decisions
    ADD COLUMN corrective_action text CHECK (char_length(corrective_action) <= 1000),
    ADD COLUMN deviation         boolean NOT NULL DEFAULT false,
    ADD COLUMN limit_min_c       numeric(4, 1),
    ADD COLUMN limit_max_c       numeric(4, 1),
    ADD COLUMN signer_id         uuid REFERENCES users (id),
    ADD COLUMN signing_key_id    uuid REFERENCES user_signing_keys (id),
    ADD COLUMN signature         bytea CHECK (octet_length(signature) = 64),
    ADD COLUMN record_hash       bytea CHECK (octet_length(record_hash) = 32),
    ADD COLUMN client_signed_at  timestamptz(3),
    ADD CONSTRAINT qc_decisions_signature_complete CHECK (
        (signature IS NULL AND signer_id IS NULL AND signing_key_id IS NULL AND record_hash IS NULL)
        OR (signature IS NOT NULL AND signer_id IS NOT NULL AND signing_key_id IS NOT NULL
            AND record_hash IS NOT NULL AND signed_at IS NOT NULL));
-- A signature signs one record: the same bytes can never be stored twice.
CREATE UNIQUE INDEX qc_decisions_signature_key ON qc_decisions (signature)
    WHERE signature IS NOT NULL;
