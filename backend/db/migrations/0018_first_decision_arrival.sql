-- The first decision of a lot at a gate (first-pass yield, 0003) broke ties on effective time
-- by recording time, then by the decision's random id. Two decisions of one sync batch without
-- a decision time share both times (recorded_at is the transaction's), so which of them was
-- "first" was a coin toss: a lot sent HOLD then PASS at a gate could count as passed first
-- time. The last tie is now broken by order of arrival (0015), and the rows kept so far are
-- chosen again by that rule.
ALTER TABLE qc_first_decisions ADD COLUMN arrival bigint;

UPDATE qc_first_decisions f
   SET decision_id = d.id, decision = d.decision, effective = d.effective,
       recorded_at = d.recorded_at, arrival = d.arrival
  FROM (SELECT DISTINCT ON (lot_id, qc_gate_id)
               lot_id, qc_gate_id, id, decision, recorded_at, arrival,
               CASE WHEN client_time_flagged THEN recorded_at ELSE decided_at END AS effective
          FROM qc_decisions
         ORDER BY lot_id, qc_gate_id,
                  CASE WHEN client_time_flagged THEN recorded_at ELSE decided_at END, recorded_at,
                  arrival) d
 WHERE f.lot_id = d.lot_id AND f.qc_gate_id = d.qc_gate_id;

ALTER TABLE qc_first_decisions ALTER COLUMN arrival SET NOT NULL;

CREATE OR REPLACE FUNCTION qc_first_decisions_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO qc_first_decisions AS f
        (lot_id, qc_gate_id, decision_id, decision, effective, recorded_at, arrival)
    VALUES (NEW.lot_id, NEW.qc_gate_id, NEW.id, NEW.decision,
            CASE WHEN NEW.client_time_flagged THEN NEW.recorded_at ELSE NEW.decided_at END,
            NEW.recorded_at, NEW.arrival)
    ON CONFLICT (lot_id, qc_gate_id) DO UPDATE
        SET decision_id = EXCLUDED.decision_id,
            decision    = EXCLUDED.decision,
            effective   = EXCLUDED.effective,
            recorded_at = EXCLUDED.recorded_at,
            arrival     = EXCLUDED.arrival
        WHERE (EXCLUDED.effective, EXCLUDED.recorded_at, EXCLUDED.arrival)
            < (f.effective, f.recorded_at, f.arrival);
    RETURN NULL;
END;
$$;
