-- The participant's voice on her trajectory: under a milestone she asks a question, says
-- she disagrees or asks to talk about it, and a worker of the case answers.
CREATE TABLE milestone_responses (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    milestone_id BIGINT NOT NULL REFERENCES milestones (id),
    kind TEXT NOT NULL CHECK (kind IN ('question', 'disagree', 'talk', 'answer')),
    body TEXT NOT NULL,
    author_id BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX milestone_responses_by_milestone ON milestone_responses (milestone_id, id);
