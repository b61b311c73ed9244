-- Indexes for the supervisor statistics (backend/stats). A QC decision counts at its effective
-- time: decided_at, or recorded_at when the client's clock was flagged as running ahead (the
-- time the lot status follows). The expressions must stay exactly as the queries in
-- backend/stats/statsrepository.cpp write them, or the planner will not use these indexes.

-- Decisions in a time range (charts, drill-down).
CREATE INDEX qc_decisions_effective_idx ON qc_decisions
    ((CASE WHEN client_time_flagged THEN recorded_at ELSE decided_at END));

-- Whether a decision is the first of its lot at its gate (first-pass yield), and when a held
-- lot went on HOLD.
CREATE INDEX qc_decisions_lot_gate_effective_idx ON qc_decisions
    (lot_id, qc_gate_id, (CASE WHEN client_time_flagged THEN recorded_at ELSE decided_at END),
     recorded_at, id);
