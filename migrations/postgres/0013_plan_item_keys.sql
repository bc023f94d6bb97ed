-- The key the next new item of a plan gets. Keys are never given twice, even after the
-- item with the highest key was removed from a draft, because comments, proposals and
-- answers find their item by key.
ALTER TABLE plans ADD COLUMN next_item_key BIGINT NOT NULL DEFAULT 1;
UPDATE plans SET next_item_key = 1 + (
    SELECT MAX(k) FROM (
        SELECT COALESCE(MAX(i.item_key), 0) AS k FROM plan_items i
            JOIN plan_versions v ON v.id = i.version_id WHERE v.plan_id = plans.id
        UNION ALL SELECT COALESCE(MAX(c.item_key), 0) FROM plan_comments c WHERE c.plan_id = plans.id
        UNION ALL SELECT COALESCE(MAX(p.item_key), 0) FROM plan_proposals p WHERE p.plan_id = plans.id
    ) AS keys
);
