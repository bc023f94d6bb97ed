-- The changes feed's index held every entry but reads; messages sent and conversations
-- read are most of the rest, so a feed read from the start walked past all of them. It
-- now holds only the changes the feed reports: the same list as the feed's query
-- (changes/storage.rs), which a test holds to this index.
DROP INDEX audit_log_changes;
CREATE INDEX audit_log_changes ON audit_log (case_id, id) WHERE action IN (
    'milestone_created', 'milestone_changed', 'milestone_responded', 'phase_changed', 'reunification_changed',
    'appointment_created', 'appointment_changed', 'appointment_cancelled', 'appointment_answered',
    'contact_created', 'contact_changed', 'plan_created', 'plan_changed',
    'plan_commented', 'plan_proposal_made', 'plan_proposal_decided', 'plan_submitted', 'plan_responded',
    'plan_signed', 'plan_party_removed', 'conference_recorded', 'conference_decision_recorded',
    'conference_input_given', 'conference_responded', 'release_changed'
);
