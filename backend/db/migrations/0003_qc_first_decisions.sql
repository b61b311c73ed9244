-- The first QC decision of each lot at each gate (first-pass yield, backend/stats), kept by a
-- trigger so that the statistics read it by a range scan instead of asking, for every decision
-- in a range, whether an earlier one exists.
--
-- "First" is by effective time (decided_at, or recorded_at when the client's clock was flagged
-- as running ahead; see 0002_stats_indexes), ties broken by recorded_at, then id. A decision
-- synced later from an offline workstation may be effective earlier than the one stored so far:
-- it then replaces it. qc_decisions is append-only (its UPDATE, DELETE and TRUNCATE are refused),
-- so its inserts are the only change to follow.
--
-- decision_id has no foreign key: one would make TRUNCATE qc_decisions fail on the reference
-- instead of reaching its append-only guard, and the trigger is what keeps it right.

CREATE TABLE qc_first_decisions (
    lot_id      uuid NOT NULL REFERENCES lots (id),
    qc_gate_id  integer NOT NULL REFERENCES qc_gates (id),
    decision_id uuid NOT NULL,
    decision    text NOT NULL,
    effective   timestamptz(3) NOT NULL,
    recorded_at timestamptz(3) NOT NULL,
    PRIMARY KEY (lot_id, qc_gate_id)
);

-- First decisions in a time range, per gate and outcome, from the index alone.
CREATE INDEX qc_first_decisions_effective_idx ON qc_first_decisions
    (effective, qc_gate_id) INCLUDE (decision);

CREATE FUNCTION qc_first_decisions_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO qc_first_decisions AS f
        (lot_id, qc_gate_id, decision_id, decision, effective, recorded_at)
    VALUES (NEW.lot_id, NEW.qc_gate_id, NEW.id, NEW.decision,
            CASE WHEN NEW.client_time_flagged THEN NEW.recorded_at ELSE NEW.decided_at END,
            NEW.recorded_at)
    ON CONFLICT (lot_id, qc_gate_id) DO UPDATE
        SET decision_id = EXCLUDED.decision_id,
            decision    = EXCLUDED.decision,
            effective   = EXCLUDED.effective,
            recorded_at = EXCLUDED.recorded_at
        WHERE (EXCLUDED.effective, EXCLUDED.recorded_at, EXCLUDED.decision_id)
            < (f.effective, f.recorded_at, f.decision_id);
    RETURN NULL;
END;
$$;

CREATE TRIGGER qc_first_decisions_track
    AFTER INSERT ON qc_decisions
    FOR EACH ROW EXECUTE FUNCTION qc_first_decisions_track();

-- The decisions recorded so far.
INSERT INTO qc_first_decisions (lot_id, qc_gate_id, decision_id, decision, effective, recorded_at)
SELECT DISTINCT ON (lot_id, qc_gate_id)
       lot_id, qc_gate_id, id, decision,
       CASE WHEN client_time_flagged THEN recorded_at ELSE decided_at END, recorded_at
  FROM qc_decisions
 ORDER BY lot_id, qc_gate_id, CASE WHEN client_time_flagged THEN recorded_at ELSE decided_at END,
          recorded_at, id;

ANALYZE qc_first_decisions;
