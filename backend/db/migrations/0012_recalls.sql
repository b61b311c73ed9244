-- Recalls (EU 178/2002 Art. 19, FSMA 204): from one lot of any type, in one transaction, the
-- whole downstream set (every lot made from it, at any depth), every shipment line of those
-- lots and so every customer reached, the kilograms at each step; and every affected lot still
-- in the plant goes on HOLD with the recall's reason. What the recall found is kept as it was
-- found (append-only snapshots), so the report an auditor reads next year is the one the
-- plant acted on; a recall changes afterwards only from OPEN to CLOSED, with a note.
--
-- A drill (BRCGS 3.9.3: a trace test at least yearly) is the same operation on a lot nobody
-- suspects: it finds and keeps the same set, lines and customers and the time it took, and
-- puts nothing on HOLD; it never stands in the way of a real recall of the lot.

CREATE SEQUENCE recalls_number_seq;

CREATE TABLE recalls (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number      bigint NOT NULL UNIQUE DEFAULT nextval('recalls_number_seq'),
    reference   text GENERATED ALWAYS AS ('RC-' || lpad(number::text, greatest(6, length(number::text)), '0')) STORED,
    root_lot_id uuid NOT NULL REFERENCES lots (id),
    reason      text NOT NULL CHECK (char_length(btrim(reason)) >= 10 AND char_length(reason) <= 2000),
    status      text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    opened_by   uuid NOT NULL REFERENCES users (id),
    opened_at   timestamptz(3) NOT NULL DEFAULT now(),
    -- How long the server took to find the set, the lines and to put the lots on HOLD.
    trace_ms    numeric(10, 1) NOT NULL CHECK (trace_ms >= 0),
    drill       boolean NOT NULL DEFAULT false,
    closed_by   uuid REFERENCES users (id),
    closed_at   timestamptz(3),
    close_note  text CHECK (char_length(btrim(close_note)) >= 10 AND char_length(close_note) <= 2000),
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)),
    CHECK ((status = 'CLOSED') = (closed_by IS NOT NULL AND close_note IS NOT NULL))
);
ALTER SEQUENCE recalls_number_seq OWNED BY recalls.number;
-- One open recall of a lot at a time: a second one is refused and names the first.
CREATE UNIQUE INDEX recalls_open_root_idx ON recalls (root_lot_id) WHERE status = 'OPEN' AND NOT drill;
CREATE INDEX recalls_opened_idx ON recalls (opened_at DESC);

-- The downstream set as found: each lot once, at its nearest level below the recalled lot (0),
-- with its status and weight then. The recall row is written last (when the time it took is
-- known), so the references to it are checked at commit.
CREATE TABLE recall_lots (
    recall_id     uuid NOT NULL REFERENCES recalls (id) DEFERRABLE INITIALLY DEFERRED,
    lot_id        uuid NOT NULL REFERENCES lots (id),
    lvl           integer NOT NULL CHECK (lvl >= 0),
    status_before text NOT NULL,
    weight_kg     numeric(7, 2),
    PRIMARY KEY (recall_id, lot_id)
);
CREATE INDEX recall_lots_level_idx ON recall_lots (recall_id, lvl);

-- The lots this recall put on HOLD (the ones still in the plant that were not on HOLD,
-- REJECTED or CONSUMED already).
CREATE TABLE recall_holds (
    recall_id uuid NOT NULL REFERENCES recalls (id) DEFERRABLE INITIALLY DEFERRED,
    lot_id    uuid NOT NULL REFERENCES lots (id),
    PRIMARY KEY (recall_id, lot_id)
);

-- Every line of a non-cancelled shipment of a lot in the set, as it was: a line removed from
-- an OPEN shipment afterwards (the usual response to a recall) stays in the report.
CREATE TABLE recall_lines (
    recall_id        uuid NOT NULL REFERENCES recalls (id) DEFERRABLE INITIALLY DEFERRED,
    shipment_line_id uuid NOT NULL,
    shipment_id      uuid NOT NULL REFERENCES shipments (id),
    lot_id           uuid NOT NULL REFERENCES lots (id),
    quantity_kg      numeric(7, 2) NOT NULL,
    shipment_status  text NOT NULL,
    PRIMARY KEY (recall_id, shipment_line_id)
);

-- Opens a recall of p_root: the set, the holds (none for a drill), the lines, then the recall
-- row. The caller holds the root lot's row lock, so two recalls of one lot are opened one after
-- the other. The reason goes into the audit trail of every lot put on HOLD.
CREATE FUNCTION recall_open(p_id uuid, p_root uuid, p_reason text, p_by uuid, p_drill boolean)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    started  timestamptz := clock_timestamp();
    v_number bigint := nextval('recalls_number_seq');
    v_ref    text := 'RC-' || lpad(v_number::text, greatest(6, length(v_number::text)), '0');
    k        integer := 0;
BEGIN
    PERFORM set_config('flowviz.reason',
                       format('%s %s: %s', CASE WHEN p_drill THEN 'drill' ELSE 'recall' END,
                              v_ref, p_reason), true);
    INSERT INTO recall_lots (recall_id, lot_id, lvl, status_before, weight_kg)
    SELECT p_id, l.id, 0, l.status, l.weight_kg FROM lots l WHERE l.id = p_root;
    -- Breadth first, one level per statement: a lot is kept at the first (nearest) level that
    -- reaches it and is not walked again, however many paths lead to it.
    LOOP
        INSERT INTO recall_lots (recall_id, lot_id, lvl, status_before, weight_kg)
        SELECT p_id, l.id, k + 1, l.status, l.weight_kg
          FROM lots l
         WHERE l.id IN (SELECT g.child_lot_id
                          FROM recall_lots x JOIN lot_genealogy g ON g.parent_lot_id = x.lot_id
                         WHERE x.recall_id = p_id AND x.lvl = k)
        ON CONFLICT (recall_id, lot_id) DO NOTHING;
        EXIT WHEN NOT FOUND;
        k := k + 1;
    END LOOP;
    INSERT INTO recall_lines (recall_id, shipment_line_id, shipment_id, lot_id, quantity_kg,
                              shipment_status)
    SELECT p_id, sl.id, sl.shipment_id, sl.lot_id, sl.quantity_kg, s.status
      FROM recall_lots x
      JOIN shipment_lines sl ON sl.lot_id = x.lot_id
      JOIN shipments s ON s.id = sl.shipment_id AND s.status <> 'CANCELLED'
     WHERE x.recall_id = p_id;
    -- Still in the plant: not used up, not REJECTED, not all of it dispatched.
    WITH held AS (
        UPDATE lots l SET status = 'HOLD', updated_at = now()
          FROM recall_lots x
         WHERE NOT p_drill AND x.recall_id = p_id AND l.id = x.lot_id
           AND l.status IN ('CREATED', 'QUARANTINE', 'RELEASED', 'FINISHED')
           AND (l.weight_kg IS NULL OR l.weight_kg > coalesce(
                   (SELECT sum(y.quantity_kg) FROM recall_lines y
                     WHERE y.recall_id = p_id AND y.lot_id = l.id
                       AND y.shipment_status = 'DISPATCHED'), 0))
        RETURNING l.id)
    INSERT INTO recall_holds (recall_id, lot_id) SELECT p_id, id FROM held;
    INSERT INTO recalls (id, number, root_lot_id, reason, opened_by, trace_ms, drill)
    VALUES (p_id, v_number, p_root, p_reason, p_by,
            round(extract(epoch FROM clock_timestamp() - started)::numeric * 1000, 1), p_drill);
END;
$$;

-- A recall closes once, with a note; nothing else about it changes, and nothing is removed.
CREATE FUNCTION recalls_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status = 'OPEN' AND NEW.status = 'CLOSED'
       AND (to_jsonb(NEW) - '{status,closed_by,closed_at,close_note,reference}'::text[])
           = (to_jsonb(OLD) - '{status,closed_by,closed_at,close_note,reference}'::text[]) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a recall only closes: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER recalls_guard BEFORE UPDATE OR DELETE ON recalls
    FOR EACH ROW EXECUTE FUNCTION recalls_guard();

CREATE FUNCTION recall_snapshot_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER recall_lots_append_only BEFORE UPDATE OR DELETE ON recall_lots
    FOR EACH ROW EXECUTE FUNCTION recall_snapshot_append_only();
CREATE TRIGGER recall_holds_append_only BEFORE UPDATE OR DELETE ON recall_holds
    FOR EACH ROW EXECUTE FUNCTION recall_snapshot_append_only();
CREATE TRIGGER recall_lines_append_only BEFORE UPDATE OR DELETE ON recall_lines
    FOR EACH ROW EXECUTE FUNCTION recall_snapshot_append_only();
CREATE TRIGGER recalls_no_truncate BEFORE TRUNCATE ON recalls
    FOR EACH STATEMENT EXECUTE FUNCTION recall_snapshot_append_only();
CREATE TRIGGER recall_lots_no_truncate BEFORE TRUNCATE ON recall_lots
    FOR EACH STATEMENT EXECUTE FUNCTION recall_snapshot_append_only();
CREATE TRIGGER recall_holds_no_truncate BEFORE TRUNCATE ON recall_holds
    FOR EACH STATEMENT EXECUTE FUNCTION recall_snapshot_append_only();
CREATE TRIGGER recall_lines_no_truncate BEFORE TRUNCATE ON recall_lines
    FOR EACH STATEMENT EXECUTE FUNCTION recall_snapshot_append_only();

CREATE TRIGGER recalls_audit AFTER INSERT OR UPDATE OR DELETE ON recalls
    FOR EACH ROW EXECUTE FUNCTION audit_row('reference');
