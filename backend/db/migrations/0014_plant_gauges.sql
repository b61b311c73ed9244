-- The plant-wide gauges /metrics reads at every scrape (every few seconds, from each
-- Prometheus): as one statement it was planned at every call, most of its database time.
-- PL/pgSQL keeps the plan of its query for the life of the server connection (PgBouncer keeps
-- those connections), so a scrape is one execution of a plan made once.
CREATE FUNCTION plant_gauges(
    OUT operators bigint, OUT workstations json, OUT open_shipments bigint, OUT hold_lots bigint,
    OUT open_recalls bigint, OUT trace_ms numeric, OUT drill_ms numeric)
LANGUAGE plpgsql STABLE AS $$
BEGIN
    SELECT
        -- Distinct people active in the last 15 minutes: lots, decisions, heartbeats, logins.
        (SELECT count(DISTINCT u) FROM (
            SELECT operator_id AS u FROM lots WHERE created_at > now() - interval '15 minutes'
            UNION SELECT operator_id FROM qc_decisions
             WHERE recorded_at > now() - interval '15 minutes'
            UNION SELECT user_id FROM workstation_heartbeats
             WHERE reported_at > now() - interval '15 minutes'
            UNION SELECT user_id FROM login_audit
             WHERE succeeded AND at > now() - interval '15 minutes') a
         WHERE u IS NOT NULL),
        -- What each workstation reported pending, as [[workstation, pending], ...].
        coalesce((SELECT json_agg(json_build_array(h.workstation_id, h.pending_sync)
                                  ORDER BY h.workstation_id)
                    FROM workstation_heartbeats h
                   WHERE h.reported_at > now() - interval '15 minutes'), '[]'::json),
        (SELECT count(*) FROM shipments s WHERE s.status = 'OPEN'),
        (SELECT count(DISTINCT sl.lot_id) FROM shipments s
           JOIN shipment_lines sl ON sl.shipment_id = s.id JOIN lots l ON l.id = sl.lot_id
          WHERE s.status = 'OPEN' AND l.status = 'HOLD'),
        (SELECT count(*) FROM recalls r WHERE r.status = 'OPEN' AND NOT r.drill),
        coalesce((SELECT r.trace_ms FROM recalls r WHERE NOT r.drill
                   ORDER BY r.opened_at DESC LIMIT 1), 0),
        coalesce((SELECT r.trace_ms FROM recalls r WHERE r.drill
                   ORDER BY r.opened_at DESC LIMIT 1), 0)
    INTO operators, workstations, open_shipments, hold_lots, open_recalls, trace_ms, drill_ms;
END
$$;
