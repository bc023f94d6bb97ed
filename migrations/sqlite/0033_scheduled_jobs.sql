-- Work the scheduler does on a schedule, such as pruning what is no longer needed: when
-- each job is next due. A process runs a job only after moving its time on, in one
-- statement, so that with several processes each run happens once.
CREATE TABLE scheduled_jobs (
    name TEXT PRIMARY KEY,
    next_run_at BIGINT NOT NULL
);
INSERT INTO scheduled_jobs (name, next_run_at) VALUES ('prune', 0);
