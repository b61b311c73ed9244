-- The traceability graph of one lot: its ancestors (negative levels) and/or descendants
-- (positive levels) up to p_depth levels, at most p_max_nodes + 1 lots, nearest first (the
-- root has rank 1) and in the same order on every call, then the edges between the lots kept.
-- The server turns the rows into GET /api/v1/traceability's answer (trace/tracerepository.cpp).
--
-- As one SQL statement this query was planned afresh on every trace (about 1.6 ms of
-- PostgreSQL's time, as much as a backward trace takes to run); PL/pgSQL keeps its plan for
-- the life of the server connection, PgBouncer or not.
--
-- walk: one row per (lot, level, edge used to reach it). UNION (not UNION ALL) drops rows
-- already produced, so a cycle in bad data cannot make the walk run forever; the level bound
-- stops it in any case.
CREATE FUNCTION trace_graph(p_root uuid, p_backward boolean, p_forward boolean, p_depth integer,
                            p_max_nodes integer)
RETURNS TABLE (
    kind text, lvl integer, id uuid, lot_code text, lot_type text, status text,
    weight_kg numeric, temperature_c numeric, created_at timestamptz, parent_code text,
    child_code text, qty numeric, rnk bigint)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH RECURSIVE
    up (lot_id, lvl, parent_id, child_id, qty) AS (
        SELECT p_root, 0, NULL::uuid, NULL::uuid, NULL::numeric WHERE p_backward
        UNION
        SELECT g.parent_lot_id, up.lvl - 1, g.parent_lot_id, g.child_lot_id, g.quantity_used_kg
        FROM up JOIN lot_genealogy g ON g.child_lot_id = up.lot_id
        WHERE up.lvl > -p_depth),
    down (lot_id, lvl, parent_id, child_id, qty) AS (
        SELECT p_root, 0, NULL::uuid, NULL::uuid, NULL::numeric WHERE p_forward
        UNION
        SELECT g.child_lot_id, down.lvl + 1, g.parent_lot_id, g.child_lot_id, g.quantity_used_kg
        FROM down JOIN lot_genealogy g ON g.parent_lot_id = down.lot_id
        WHERE down.lvl < p_depth),
    walk AS (
        SELECT * FROM up UNION ALL SELECT * FROM down
        UNION ALL SELECT p_root, 0, NULL::uuid, NULL::uuid, NULL::numeric),
    node AS (
        SELECT w.lot_id, (array_agg(w.lvl ORDER BY abs(w.lvl), w.lvl))[1] AS lvl,
               row_number() OVER (ORDER BY min(abs(w.lvl)), w.lot_id) AS rnk
        FROM walk w GROUP BY w.lot_id
        ORDER BY 3 LIMIT p_max_nodes + 1),
    edge AS (
        SELECT DISTINCT w.parent_id, w.child_id, w.qty FROM walk w
        WHERE w.parent_id IS NOT NULL
          AND w.parent_id IN (SELECT n.lot_id FROM node n)
          AND w.child_id IN (SELECT n.lot_id FROM node n))
    SELECT 'node'::text, n.lvl, l.id, l.lot_code, l.lot_type, l.status, l.weight_kg::numeric,
           l.temperature_c::numeric, l.created_at::timestamptz, NULL::text, NULL::text,
           NULL::numeric, n.rnk
    FROM node n JOIN lots l ON l.id = n.lot_id
    UNION ALL
    SELECT 'edge'::text, NULL::integer, NULL::uuid, NULL::text, NULL::text, NULL::text,
           NULL::numeric, NULL::numeric, NULL::timestamptz, p.lot_code, c.lot_code, e.qty,
           NULL::bigint
    FROM edge e JOIN lots p ON p.id = e.parent_id JOIN lots c ON c.id = e.child_id
    ORDER BY 13 NULLS LAST;
END
$$;
