-- FlowViz core schema: users, lots and their genealogy, QC gates and decisions, production
-- runs, idempotency keys and login audit. Timestamps keep milliseconds (timestamptz(3)),
-- weights and temperatures are exact numerics with the precision the domain rules allow.

CREATE TABLE users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username      text NOT NULL,
    full_name     text NOT NULL DEFAULT '',
    role          text NOT NULL DEFAULT 'VIEWER'
                  CHECK (role IN ('ADMIN', 'MANAGER', 'AUDITOR', 'OPERATOR', 'VIEWER')),
    password_hash text NOT NULL,
    is_active     boolean NOT NULL DEFAULT true,
    created_at    timestamptz(3) NOT NULL DEFAULT now(),
    updated_at    timestamptz(3) NOT NULL DEFAULT now(),
    last_login_at timestamptz(3),
    CONSTRAINT users_username_format CHECK (username ~ '^[A-Za-z0-9._@-]{1,64}$')
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

CREATE TABLE production_runs (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    run_code        text NOT NULL UNIQUE CHECK (run_code ~ '^[A-Z0-9_./-]{1,100}$'),
    status          text NOT NULL DEFAULT 'ACTIVE'
                    CHECK (status IN ('ACTIVE', 'COMPLETED', 'CANCELLED')),
    operator_id     uuid REFERENCES users (id),
    daily_target_kg numeric(10, 2) CHECK (daily_target_kg >= 0),
    started_at      timestamptz(3) NOT NULL DEFAULT now(),
    ended_at        timestamptz(3),
    summary         jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX production_runs_started_idx ON production_runs (started_at DESC, id DESC);
CREATE INDEX production_runs_status_idx ON production_runs (status, started_at DESC);

CREATE TABLE lots (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    lot_code            text NOT NULL UNIQUE CHECK (lot_code ~ '^[A-Z0-9_./-]{1,100}$'),
    lot_type            text NOT NULL CHECK (lot_type IN ('RAW', 'DEB', 'BULK', 'MIX', 'SKW', 'FRZ', 'FG')),
    status              text NOT NULL DEFAULT 'CREATED'
                        CHECK (status IN ('CREATED', 'QUARANTINE', 'RELEASED', 'HOLD', 'REJECTED', 'CONSUMED', 'FINISHED')),
    production_run_id   uuid REFERENCES production_runs (id),
    weight_kg           numeric(7, 2) CHECK (weight_kg BETWEEN 0 AND 10000),
    temperature_c       numeric(4, 1) CHECK (temperature_c BETWEEN -50 AND 100),
    metadata            jsonb NOT NULL DEFAULT '{}'::jsonb,
    operator_id         uuid REFERENCES users (id),
    workstation_id      text,
    client_created_at   timestamptz(3),
    client_time_flagged boolean NOT NULL DEFAULT false,
    created_at          timestamptz(3) NOT NULL DEFAULT now(),
    updated_at          timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX lots_created_idx ON lots (created_at DESC, id DESC);
CREATE INDEX lots_type_created_idx ON lots (lot_type, created_at DESC, id DESC);
CREATE INDEX lots_status_created_idx ON lots (status, created_at DESC, id DESC);
CREATE INDEX lots_run_created_idx ON lots (production_run_id, created_at DESC, id DESC);
CREATE INDEX lots_code_prefix_idx ON lots (lot_code text_pattern_ops);
CREATE INDEX lots_operator_created_idx ON lots (operator_id, created_at DESC);

CREATE TABLE lot_genealogy (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    parent_lot_id    uuid NOT NULL REFERENCES lots (id),
    child_lot_id     uuid NOT NULL REFERENCES lots (id),
    quantity_used_kg numeric(7, 2) NOT NULL CHECK (quantity_used_kg > 0 AND quantity_used_kg <= 10000),
    linked_at        timestamptz(3) NOT NULL DEFAULT now(),
    CONSTRAINT lot_genealogy_no_self_link CHECK (parent_lot_id <> child_lot_id),
    CONSTRAINT lot_genealogy_pair_key UNIQUE (parent_lot_id, child_lot_id)
);
-- The unique pair index serves parent -> children (forward trace); this one serves
-- child -> parents (backward trace).
CREATE INDEX lot_genealogy_child_idx ON lot_genealogy (child_lot_id, parent_lot_id);

CREATE TABLE qc_gates (
    id          serial PRIMARY KEY,
    gate_number integer NOT NULL UNIQUE CHECK (gate_number > 0),
    name        jsonb NOT NULL,
    gate_type   text NOT NULL CHECK (gate_type IN ('CHECKPOINT', 'BLOCKING', 'INFO')),
    is_ccp      boolean NOT NULL DEFAULT false,
    checklist   jsonb NOT NULL DEFAULT '[]'::jsonb,
    sort_order  integer NOT NULL DEFAULT 0
);

INSERT INTO qc_gates (gate_number, name, gate_type, is_ccp, sort_order) VALUES
    (1, '{"hu": "Átvétel", "en": "Receipt"}', 'CHECKPOINT', false, 1),
    (3, '{"hu": "Csontozás", "en": "Deboning"}', 'CHECKPOINT', false, 3),
    (4, '{"hu": "Ömlesztett kész", "en": "Bulk ready"}', 'CHECKPOINT', false, 4),
    (5, '{"hu": "Keverés", "en": "Mixing"}', 'CHECKPOINT', false, 5),
    (6, '{"hu": "Nyárs mérése", "en": "Skewer weighing"}', 'CHECKPOINT', false, 6),
    (7, '{"hu": "Fagyasztás", "en": "Freezing"}', 'BLOCKING', true, 7),
    (8, '{"hu": "Csomagolás", "en": "Packaging"}', 'CHECKPOINT', false, 8);

CREATE TABLE qc_decisions (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    lot_id              uuid NOT NULL REFERENCES lots (id),
    qc_gate_id          integer NOT NULL REFERENCES qc_gates (id),
    operator_id         uuid NOT NULL REFERENCES users (id),
    decision            text NOT NULL CHECK (decision IN ('PASS', 'HOLD', 'FAIL')),
    notes               text NOT NULL DEFAULT '' CHECK (char_length(notes) <= 1000),
    temperature_c       numeric(4, 1) CHECK (temperature_c BETWEEN -50 AND 100),
    digital_signature   text,
    signature_meaning   text,
    signed_at           timestamptz(3),
    workstation_id      text,
    decided_at          timestamptz(3) NOT NULL,
    recorded_at         timestamptz(3) NOT NULL DEFAULT now(),
    client_time_flagged boolean NOT NULL DEFAULT false
);
CREATE INDEX qc_decisions_lot_idx ON qc_decisions (lot_id, decided_at DESC, recorded_at DESC, id DESC);
CREATE INDEX qc_decisions_gate_idx ON qc_decisions (qc_gate_id, decided_at DESC);
CREATE INDEX qc_decisions_recorded_idx ON qc_decisions (recorded_at DESC);
CREATE INDEX qc_decisions_operator_idx ON qc_decisions (operator_id, recorded_at DESC);

-- QC decisions are an append-only audit trail.
CREATE FUNCTION qc_decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'qc_decisions is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER qc_decisions_no_update_delete
    BEFORE UPDATE OR DELETE ON qc_decisions
    FOR EACH ROW EXECUTE FUNCTION qc_decisions_append_only();
CREATE TRIGGER qc_decisions_no_truncate
    BEFORE TRUNCATE ON qc_decisions
    FOR EACH STATEMENT EXECUTE FUNCTION qc_decisions_append_only();

CREATE TABLE lot_profiles (
    lot_type         text PRIMARY KEY CHECK (lot_type IN ('RAW', 'DEB', 'BULK', 'MIX', 'SKW', 'FRZ', 'FG')),
    temp_min_c       numeric(4, 1) NOT NULL,
    temp_max_c       numeric(4, 1) NOT NULL,
    temp_margin_c    numeric(4, 1) NOT NULL DEFAULT 2 CHECK (temp_margin_c >= 0),
    weight_min_kg    numeric(7, 2) NOT NULL,
    weight_max_kg    numeric(7, 2) NOT NULL,
    weight_margin_kg numeric(7, 2) NOT NULL DEFAULT 0 CHECK (weight_margin_kg >= 0),
    updated_at       timestamptz(3) NOT NULL DEFAULT now(),
    updated_by       uuid REFERENCES users (id),
    CHECK (temp_min_c <= temp_max_c),
    CHECK (weight_min_kg <= weight_max_kg)
);
INSERT INTO lot_profiles (lot_type, temp_min_c, temp_max_c, temp_margin_c, weight_min_kg, weight_max_kg, weight_margin_kg) VALUES
    ('RAW',    2,   6, 2, 200, 500, 50),
    ('DEB',    2,   5, 2, 150, 400, 40),
    ('BULK',   1,   4, 2, 400, 600, 60),
    ('MIX',    2,   4, 2, 700, 900, 90),
    ('SKW',    2,   4, 2,  15,  30,  3),
    ('FRZ',  -25, -18, 3,  15,  30,  3),
    ('FG',   -22, -18, 3,  15,  30,  3);

CREATE TABLE idempotency_keys (
    user_id         uuid NOT NULL REFERENCES users (id),
    idempotency_key text NOT NULL CHECK (char_length(idempotency_key) BETWEEN 1 AND 200),
    request_hash    bytea NOT NULL,
    method          text NOT NULL,
    path            text NOT NULL,
    response_status integer NOT NULL,
    response_body   text NOT NULL,
    created_at      timestamptz(3) NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

CREATE TABLE login_audit (
    id          bigserial PRIMARY KEY,
    username    text NOT NULL,
    user_id     uuid REFERENCES users (id),
    client_addr text NOT NULL,
    succeeded   boolean NOT NULL,
    reason      text NOT NULL DEFAULT '',
    at          timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX login_audit_user_at_idx ON login_audit (lower(username), at DESC);
CREATE INDEX login_audit_client_at_idx ON login_audit (client_addr, at DESC);

CREATE TABLE workstation_heartbeats (
    workstation_id text PRIMARY KEY CHECK (char_length(workstation_id) BETWEEN 1 AND 64),
    user_id        uuid REFERENCES users (id),
    pending_sync   integer NOT NULL CHECK (pending_sync >= 0),
    app_version    text NOT NULL DEFAULT '',
    reported_at    timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX workstation_heartbeats_reported_idx ON workstation_heartbeats (reported_at DESC);
