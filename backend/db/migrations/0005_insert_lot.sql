-- A lot and its genealogy links in one call, answered as GET /api/v1/lots/{lot_code} lists its
-- own fields. Registering lots is the server's busiest write, and behind PgBouncer in
-- transaction mode nothing can be prepared by name: written as one SQL statement (a CTE), the
-- insert was planned afresh for every lot, which cost PostgreSQL about as much as running it.
-- PL/pgSQL keeps the plans of its statements for the life of the server connection, and the
-- call itself is trivial to plan. The server checks everything (account, run, parents, draws)
-- before it calls this; the function only writes.
--
-- A taken id or lot code inserts nothing (no lot, no link) and returns no row: the caller
-- tells the two apart, and the transaction stays usable without a savepoint.
CREATE FUNCTION insert_lot(
    p_id uuid, p_lot_code text, p_lot_type text, p_status text, p_production_run_id uuid,
    p_weight_kg numeric, p_temperature_c numeric, p_metadata jsonb, p_operator_id uuid,
    p_workstation_id text, p_client_created_at timestamptz, p_client_time_flagged boolean,
    p_parent_ids uuid[], p_quantities_kg numeric[])
RETURNS TABLE (
    id uuid, lot_code text, lot_type text, status text, production_run_id uuid, run_code text,
    operator_id uuid, operator text, workstation_id text, weight_kg numeric,
    temperature_c numeric, metadata jsonb, client_created_at timestamptz,
    client_time_flagged boolean, created_at timestamptz, updated_at timestamptz)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    l lots;
BEGIN
    INSERT INTO lots (id, lot_code, lot_type, status, production_run_id, weight_kg,
                      temperature_c, metadata, operator_id, workstation_id, client_created_at,
                      client_time_flagged)
    VALUES (p_id, p_lot_code, p_lot_type, p_status, p_production_run_id, p_weight_kg,
            p_temperature_c, p_metadata, p_operator_id, p_workstation_id, p_client_created_at,
            p_client_time_flagged)
    ON CONFLICT DO NOTHING
    RETURNING * INTO l;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    INSERT INTO lot_genealogy (parent_lot_id, child_lot_id, quantity_used_kg)
    SELECT p.parent_id, l.id, p.quantity_kg
    FROM unnest(p_parent_ids, p_quantities_kg) AS p (parent_id, quantity_kg);
    RETURN QUERY SELECT
        l.id, l.lot_code, l.lot_type, l.status, l.production_run_id,
        (SELECT r.run_code FROM production_runs r WHERE r.id = l.production_run_id),
        l.operator_id, (SELECT u.username FROM users u WHERE u.id = l.operator_id),
        l.workstation_id, l.weight_kg, l.temperature_c, l.metadata, l.client_created_at,
        l.client_time_flagged, l.created_at, l.updated_at;
END
$$;
