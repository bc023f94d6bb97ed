-- How often each person looked at each part of a case, per hour, kept as the looks are
-- written: the access log's "last seven days" adds up a few rows per person instead of
-- counting every look of the week. object_type is the audit row's, one part or several
-- comma-separated. Rows older than a week and a day are pruned every hour.
CREATE TABLE case_looks (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    actor_user_id BIGINT NOT NULL REFERENCES users (id),
    hour_start BIGINT NOT NULL,
    object_type TEXT NOT NULL,
    looks BIGINT NOT NULL,
    PRIMARY KEY (case_id, hour_start, actor_user_id, object_type)
);
CREATE INDEX case_looks_by_hour ON case_looks (hour_start);

-- The looks of the last eight days, from the audit log as it stands.
INSERT INTO case_looks (case_id, actor_user_id, hour_start, object_type, looks)
SELECT case_id, actor_user_id, at - at % 3600, object_type, COUNT(*)
FROM audit_log
WHERE action = 'case_read' AND case_id IS NOT NULL AND actor_user_id IS NOT NULL
  AND object_type IS NOT NULL AND at >= CAST(EXTRACT(EPOCH FROM now()) AS BIGINT) - 8 * 86400
GROUP BY case_id, actor_user_id, at - at % 3600, object_type;
