-- Receiving (EU 178/2002 Art. 18 "one step back", FSMA 204 receiving KDEs): the businesses
-- raw material comes from, and for a RAW lot the receipt it was registered from: the
-- supplier, the supplier's own lot code (the traceability lot code's source), the trade
-- item's GTIN, the delivery note, the day it was received, its expiry and how many trade
-- units came. A recall that starts from a supplier's lot finds the plant's RAW lots here.
CREATE TABLE suppliers (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    supplier_code text NOT NULL UNIQUE CHECK (supplier_code ~ '^[A-Z0-9_./-]{1,40}$'),
    name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    address       text CHECK (char_length(address) <= 500),
    contact       text CHECK (char_length(contact) <= 200),
    active        boolean NOT NULL DEFAULT true,
    created_by    uuid REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE lot_receipts (
    lot_id            uuid PRIMARY KEY REFERENCES lots (id),
    supplier_id       uuid NOT NULL REFERENCES suppliers (id),
    -- GS1 AI 10 holds at most 20 characters; typed codes of other labels may be longer.
    -- Printable ASCII, case kept as printed, no white space at either end.
    supplier_lot_code text NOT NULL CHECK (supplier_lot_code ~ '^[!-~]([ -~]{0,38}[!-~])?$'),
    gtin              text CHECK (gtin ~ '^[0-9]{14}$'),
    delivery_note     text CHECK (char_length(delivery_note) BETWEEN 1 AND 60),
    received_on       date NOT NULL,
    expires_on        date,
    units             integer CHECK (units BETWEEN 1 AND 1000000),
    created_at        timestamptz NOT NULL DEFAULT now()
);
-- "Which of our lots came from supplier S's lot L?": the first question of a recall.
CREATE INDEX lot_receipts_supplier_lot_idx ON lot_receipts (supplier_id, supplier_lot_code);

-- Only a received (RAW) lot has a receipt; the server refuses others first, this keeps any
-- other writer to the same rule.
CREATE FUNCTION lot_receipts_raw_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT lot_type FROM lots WHERE id = NEW.lot_id) IS DISTINCT FROM 'RAW' THEN
        RAISE EXCEPTION 'only a RAW lot has a receipt' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER lot_receipts_raw_only BEFORE INSERT OR UPDATE ON lot_receipts
    FOR EACH ROW EXECUTE FUNCTION lot_receipts_raw_only();

CREATE TRIGGER suppliers_audit AFTER INSERT OR UPDATE OR DELETE ON suppliers
    FOR EACH ROW EXECUTE FUNCTION audit_row('supplier_code', 'updated_at');
CREATE TRIGGER lot_receipts_audit AFTER INSERT OR UPDATE OR DELETE ON lot_receipts
    FOR EACH ROW EXECUTE FUNCTION audit_row('lot_id');
