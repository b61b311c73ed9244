-- trace_graph (0006) ranked lots at the same distance from the root by their random id, so
-- two calls on two copies of the same data (a restore, a replica) listed them in a different
-- order, and a truncated answer could keep different lots. Now: nearest first, at the same
-- distance ancestors before descendants, then by lot code (byte order, the same under every locale) — the order an auditor reads in the
-- trace, the mass balance and the recall report alike, and which lots a truncated answer keeps
-- is the same everywhere. The code comes from the lots the walk reached (one index lookup
-- each), which the answer needed anyway; the nodes carry their columns to the final SELECT.
CREATE OR REPLACE FUNCTION trace_graph(p_root uuid, p_backward boolean, p_forward boolean,
                                       p_depth integer, p_max_nodes integer)
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
    reached AS (
        -- Each lot once, at its nearest level (the ancestor's when a lot is both).
        SELECT w.lot_id, (array_agg(w.lvl ORDER BY abs(w.lvl), w.lvl))[1] AS lvl
        FROM walk w GROUP BY w.lot_id),
    node AS (
        SELECT r.lot_id, r.lvl, l.lot_code, l.lot_type, l.status, l.weight_kg,
               l.temperature_c, l.created_at,
               row_number() OVER (ORDER BY abs(r.lvl), r.lvl, l.lot_code COLLATE "C") AS rnk
        FROM reached r JOIN lots l ON l.id = r.lot_id
        ORDER BY rnk LIMIT p_max_nodes + 1),
    edge AS (
        SELECT DISTINCT w.parent_id, w.child_id, w.qty FROM walk w
        WHERE w.parent_id IS NOT NULL
          AND w.parent_id IN (SELECT n.lot_id FROM node n)
          AND w.child_id IN (SELECT n.lot_id FROM node n))
    SELECT 'node'::text, n.lvl, n.lot_id, n.lot_code, n.lot_type, n.status, n.weight_kg::numeric,
           n.temperature_c::numeric, n.created_at::timestamptz, NULL::text, NULL::text,
           NULL::numeric, n.rnk
    FROM node n
    UNION ALL
    SELECT 'edge'::text, NULL::integer, NULL::uuid, NULL::text, NULL::text, NULL::text,
           NULL::numeric, NULL::numeric, NULL::timestamptz, p.lot_code, c.lot_code, e.qty,
           NULL::bigint
    FROM edge e JOIN node p ON p.lot_id = e.parent_id JOIN node c ON c.lot_id = e.child_id
    ORDER BY 13 NULLS LAST;
END
$$;
