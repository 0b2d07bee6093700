-- `dateline migrate-from` writes thousands of articles in one transaction. Counted one by one
-- into `listing_counts` as they are written, they update the same few rows (an edition's "all",
-- its sections, its contributors) thousands of times, and within one transaction every update
-- of a row leaves a version the next update must step over: the import slowed down
-- quadratically (20,000 posts took over a minute). An import now sets `dateline.bulk_import`
-- for its own transaction; the counting triggers then leave the counts alone, and the import
-- counts every listing afresh once before it commits (`ImportTx::commit`). Any other writer
-- (the setting is unset for it) counts as before.
CREATE OR REPLACE FUNCTION count_listing(listing_edition TEXT, listing_kind TEXT, subject BIGINT, delta BIGINT)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO listing_counts (edition, kind, subject_id, count)
    SELECT listing_edition, listing_kind, subject, delta
    WHERE COALESCE(current_setting('dateline.bulk_import', true), '') <> 'on'
    ON CONFLICT (edition, kind, subject_id) DO UPDATE SET count = listing_counts.count + delta;
$$;
