-- Dispatch (EU 178/2002 Art. 18 "one step forward", EU 931/2011, FSMA 204 shipping KDEs):
-- the businesses finished goods go to, where they go, and shipments of FG lots to them. A lot
-- ships only RELEASED and after a second person reviewed and e-signed its CCP records
-- (9 CFR 417.5(c)); the kilograms shipped of a lot never exceed its weight. The recall that
-- starts from any lot reaches every customer through shipment_lines.
CREATE TABLE customers (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_code text NOT NULL UNIQUE CHECK (customer_code ~ '^[A-Z0-9_./-]{1,40}$'),
    name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    address       text CHECK (char_length(address) <= 500),
    contact       text CHECK (char_length(contact) <= 200),
    active        boolean NOT NULL DEFAULT true,
    created_by    uuid REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Where a customer takes deliveries (a depot, a shop, a warehouse).
CREATE TABLE ship_to_locations (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id  uuid NOT NULL REFERENCES customers (id),
    ship_to_code text NOT NULL CHECK (ship_to_code ~ '^[A-Z0-9_./-]{1,40}$'),
    name         text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    address      text NOT NULL CHECK (char_length(address) BETWEEN 1 AND 500),
    active       boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (customer_id, ship_to_code)
);

-- The pre-shipment review of a lot's CCP records by someone who made none of them, e-signed
-- like a QC decision. records_digest is ccp_records_digest() of the lot when it was reviewed:
-- a CCP record added later makes the review stale.
CREATE TABLE ccp_reviews (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    lot_id           uuid NOT NULL REFERENCES lots (id),
    reviewer_id      uuid NOT NULL REFERENCES users (id),
    record_count     integer NOT NULL CHECK (record_count > 0),
    records_digest   bytea NOT NULL CHECK (octet_length(records_digest) = 32),
    notes            text NOT NULL DEFAULT '' CHECK (char_length(notes) <= 1000),
    signer_id        uuid NOT NULL REFERENCES users (id),
    signing_key_id   uuid NOT NULL REFERENCES user_signing_keys (id),
    signature        bytea NOT NULL UNIQUE CHECK (octet_length(signature) = 64),
    record_hash      bytea NOT NULL CHECK (octet_length(record_hash) = 32),
    signature_meaning text NOT NULL,
    client_signed_at timestamptz(3) NOT NULL,
    signed_at        timestamptz(3) NOT NULL,
    reviewed_at      timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX ccp_reviews_lot_idx ON ccp_reviews (lot_id, reviewed_at DESC);

CREATE TABLE shipments (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    reference     text NOT NULL UNIQUE CHECK (reference ~ '^[A-Z0-9_./-]{1,40}$'),
    customer_id   uuid NOT NULL REFERENCES customers (id),
    ship_to_id    uuid REFERENCES ship_to_locations (id),
    ship_date     date NOT NULL,
    carrier       text CHECK (char_length(carrier) BETWEEN 1 AND 200),
    status        text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DISPATCHED', 'CANCELLED')),
    created_by    uuid REFERENCES users (id),
    created_at    timestamptz(3) NOT NULL DEFAULT now(),
    dispatched_at timestamptz(3),
    dispatched_by uuid REFERENCES users (id),
    cancelled_at  timestamptz(3),
    updated_at    timestamptz(3) NOT NULL DEFAULT now(),
    CHECK ((status = 'DISPATCHED') = (dispatched_at IS NOT NULL)),
    CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
);
CREATE INDEX shipments_customer_idx ON shipments (customer_id, ship_date DESC);
CREATE INDEX shipments_open_idx ON shipments (status) WHERE status = 'OPEN';

CREATE TABLE shipment_lines (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    shipment_id uuid NOT NULL REFERENCES shipments (id),
    lot_id      uuid NOT NULL REFERENCES lots (id),
    quantity_kg numeric(7, 2) NOT NULL CHECK (quantity_kg > 0),
    added_by    uuid REFERENCES users (id),
    added_at    timestamptz(3) NOT NULL DEFAULT now(),
    -- A lot is one line of a shipment: a second scan of its label is refused, never added up.
    UNIQUE (shipment_id, lot_id)
);
-- The recall's step forward: every line of a lot.
CREATE INDEX shipment_lines_lot_idx ON shipment_lines (lot_id);

-- The CCP records of a lot: the QC decisions at CCP gates on the lot and on every lot it was
-- made from.
CREATE FUNCTION ccp_records(p_lot uuid) RETURNS SETOF qc_decisions LANGUAGE sql STABLE AS $$
    WITH RECURSIVE up (lot_id) AS (
        SELECT p_lot
        UNION
        SELECT g.parent_lot_id FROM up JOIN lot_genealogy g ON g.child_lot_id = up.lot_id)
    SELECT d.* FROM up JOIN qc_decisions d ON d.lot_id = up.lot_id
    JOIN qc_gates q ON q.id = d.qc_gate_id AND q.is_ccp
$$;

-- What a review signs for: SHA-256 of the ids of the lot's CCP records in order.
CREATE FUNCTION ccp_records_digest(p_lot uuid) RETURNS bytea LANGUAGE sql STABLE AS $$
    SELECT sha256(convert_to(coalesce(string_agg(id::text, ',' ORDER BY id::text), ''), 'UTF8'))
    FROM ccp_records(p_lot)
$$;

-- Lines change only while their shipment is OPEN, and over-shipping is refused, whoever
-- writes: the lot's row is locked, so two shipments that add the same lot at once are checked
-- one after the other.
CREATE FUNCTION shipment_lines_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    lot_weight numeric;
    shipped    numeric;
BEGIN
    IF (SELECT status FROM shipments
         WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.shipment_id ELSE NEW.shipment_id END)
       IS DISTINCT FROM 'OPEN' THEN
        RAISE EXCEPTION 'the lines of a shipment change only while it is OPEN'
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    SELECT weight_kg INTO lot_weight FROM lots WHERE id = NEW.lot_id FOR UPDATE;
    SELECT coalesce(sum(l.quantity_kg), 0) INTO shipped
      FROM shipment_lines l JOIN shipments s ON s.id = l.shipment_id
     WHERE l.lot_id = NEW.lot_id AND s.status <> 'CANCELLED' AND l.id <> NEW.id;
    IF lot_weight IS NULL OR shipped + NEW.quantity_kg > lot_weight THEN
        RAISE EXCEPTION 'shipping % kg of lot % exceeds its weight', NEW.quantity_kg, NEW.lot_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER shipment_lines_guard BEFORE INSERT OR UPDATE OR DELETE ON shipment_lines
    FOR EACH ROW EXECUTE FUNCTION shipment_lines_guard();

CREATE TRIGGER customers_audit AFTER INSERT OR UPDATE OR DELETE ON customers
    FOR EACH ROW EXECUTE FUNCTION audit_row('customer_code', 'updated_at');
CREATE TRIGGER ship_to_locations_audit AFTER INSERT OR UPDATE OR DELETE ON ship_to_locations
    FOR EACH ROW EXECUTE FUNCTION audit_row('ship_to_code');
CREATE TRIGGER ccp_reviews_audit AFTER INSERT OR UPDATE OR DELETE ON ccp_reviews
    FOR EACH ROW EXECUTE FUNCTION audit_row('lot_id');
CREATE TRIGGER shipments_audit AFTER INSERT OR UPDATE OR DELETE ON shipments
    FOR EACH ROW EXECUTE FUNCTION audit_row('reference', 'updated_at');
CREATE TRIGGER shipment_lines_audit AFTER INSERT OR UPDATE OR DELETE ON shipment_lines
    FOR EACH ROW EXECUTE FUNCTION audit_row('lot_id');

-- A review is a signed record: never changed, never removed.
CREATE FUNCTION ccp_reviews_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ccp_reviews is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER ccp_reviews_no_update_delete BEFORE UPDATE OR DELETE ON ccp_reviews
    FOR EACH ROW EXECUTE FUNCTION ccp_reviews_append_only();
