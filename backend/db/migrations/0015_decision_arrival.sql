-- A lot's status follows its latest decision: the latest decision time, and among decisions
-- with the same time the one that arrived last. Two decisions of one transaction (a sync batch
-- whose decisions carry no decision time) have the same decision and recording time, and the
-- id, which broke that tie until now, is random: a HOLD sent after a PASS could leave the lot
-- RELEASED. Each decision now gets its place in the order of arrival. The decisions stored
-- before are numbered in the order the table holds them (it is append-only).
ALTER TABLE qc_decisions ADD COLUMN arrival bigint GENERATED ALWAYS AS IDENTITY;
