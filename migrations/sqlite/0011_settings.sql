-- Whether the quick exit also signs the person out on the server: 1 or 0 as they chose,
-- NULL for the default (on for family members, who most often share a phone).
ALTER TABLE users ADD COLUMN quick_exit_signs_out BIGINT;
