-- A case belongs to the organisation of the coordinator who opened it, so a coordinator's
-- lists cover their own organisation's cases (and cases they are in) and no others. A case
-- opened before belongs to the organisation of whoever opened it, as the audit trail says.
ALTER TABLE cases ADD COLUMN organisation_id BIGINT REFERENCES organisations (id);
UPDATE cases SET organisation_id = (
    SELECT u.organisation_id FROM audit_log a JOIN users u ON u.id = a.actor_user_id
    WHERE a.action = 'case_created' AND a.case_id = cases.id ORDER BY a.id LIMIT 1
);
CREATE INDEX cases_by_organisation ON cases (organisation_id);
