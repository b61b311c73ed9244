-- Mass balance (BRCGS 3.9.3 trace tests include quantities): the expected yield of the
-- transformation that makes a lot of each type, as a percentage of the kilograms drawn from its
-- parents. GET /api/v1/traceability/{lot_code}/mass-balance flags every lot whose yield falls
-- outside its type's range. The ranges are the plant's data, changed like the other profile
-- values (and audited by lot_profiles' trigger); NULL means no expectation. RAW lots are
-- received, not made. The seeded ranges are starting points for a kebab line (deboning keeps
-- the meat, not the bones; a mix adds spices and water; freezing loses drip), to be set from
-- the plant's own records.
ALTER TABLE lot_profiles
    ADD COLUMN yield_min_pct numeric(5, 1) CHECK (yield_min_pct BETWEEN 0 AND 1000),
    ADD COLUMN yield_max_pct numeric(5, 1) CHECK (yield_max_pct BETWEEN 0 AND 1000),
    ADD CONSTRAINT lot_profiles_yield_order
        CHECK (yield_min_pct IS NULL OR yield_max_pct IS NULL OR yield_min_pct <= yield_max_pct);

SELECT set_config('flowviz.reason', 'expected yields (migration 0008)', true);
UPDATE lot_profiles p SET yield_min_pct = v.lo, yield_max_pct = v.hi
  FROM (VALUES ('DEB', 55.0, 85.0), ('BULK', 95.0, 101.0), ('MIX', 95.0, 115.0),
               ('SKW', 95.0, 101.0), ('FRZ', 96.0, 101.0), ('FG', 98.0, 101.0))
       AS v(lot_type, lo, hi)
 WHERE p.lot_type = v.lot_type;
