-- H2 only (spring.flyway.locations adds db/vendor/{vendor}): H2 hands out identity values in order from one counter
-- per database and writes the counter's state, with a commit of its own, each time the cached values run out. With
-- the default cache of 32 values that commit came every 32 disclosure records and cost the records writer a seventh
-- of its time under load. A larger cache writes it rarely; after a crash the ids continue past a gap, which the
-- chain does not mind (it links records by hash, in id order).
-- Not for PostgreSQL: there every connection caches its own range, so ids would no longer follow the chain's order.
ALTER TABLE disclosure ALTER COLUMN id SET CACHE 1000;
