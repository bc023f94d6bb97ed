-- A case has one participant: the person whose trajectory it is. A second one would
-- share her powers (what family sees, her conference input, her signature on plans).
CREATE UNIQUE INDEX one_participant_per_case ON memberships (case_id)
    WHERE member_kind = 'participant' AND ended_at IS NULL;
