-- A message carries the language its sender writes in (see 0025); before, Dutch.
ALTER TABLE messages ADD COLUMN content_lang TEXT NOT NULL DEFAULT 'nl';
