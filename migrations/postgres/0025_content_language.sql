-- Free text carries the language it was written in, so a page marks it (lang, dir=auto)
-- and read-aloud speaks it in that language; milestones first. What was written before was Dutch.
ALTER TABLE milestones ADD COLUMN content_lang TEXT NOT NULL DEFAULT 'nl';
