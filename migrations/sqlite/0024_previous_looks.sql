-- When a person last looked at a case: the home page flags what moved since then. Only
-- looks (case_read), by case and person, newest last, so finding it reads one index entry.
CREATE INDEX audit_log_looks ON audit_log (case_id, actor_user_id, at) WHERE action = 'case_read';
