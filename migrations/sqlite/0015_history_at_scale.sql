-- A case lives for years: what a page shows must cost the same at any size of history.

-- When a conversation began waiting for a worker's answer (its first message after a
-- worker last wrote), kept by every send; NULL when it waits for nobody. The inbox and the
-- overdue lists read it instead of searching the conversation's messages.
ALTER TABLE conversations ADD COLUMN waiting_since BIGINT;
UPDATE conversations SET waiting_since = (
    SELECT MIN(m.sent_at) FROM messages m
    WHERE m.conversation_id = conversations.id AND m.id > COALESCE((
        SELECT MAX(w.id) FROM messages w JOIN users u ON u.id = w.sender_id AND u.account_role = 'worker'
        WHERE w.conversation_id = conversations.id), 0));
CREATE INDEX conversations_waiting ON conversations (waiting_since) WHERE waiting_since IS NOT NULL;
-- A worker's overdue notices look through the conversations of their cases.
CREATE INDEX conversations_by_case ON conversations (case_id);

-- The access log pages newest first by id within a case.
CREATE INDEX audit_log_by_case_id ON audit_log (case_id, id);
-- The changes feed skips reads, which are most of the log.
CREATE INDEX audit_log_changes ON audit_log (case_id, id) WHERE action <> 'case_read';

-- A person's cases, a page at a time in case order.
DROP INDEX memberships_by_user;
CREATE INDEX memberships_by_user ON memberships (user_id, case_id);

-- Read receipts for a page of messages: the marks that fall within it.
CREATE INDEX read_marks_by_position ON read_marks (conversation_id, up_to_message_id);
