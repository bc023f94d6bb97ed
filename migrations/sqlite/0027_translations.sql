-- A worker adds translations of an item's texts (a milestone, a reunification step), so
-- each reader sees it in their own language with the original one tap away. One row per
-- translated text; a text left out is read in the original.
CREATE TABLE content_translations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    item_kind TEXT NOT NULL CHECK (item_kind IN ('milestone', 'reunification_step')),
    item_id BIGINT NOT NULL,
    lang TEXT NOT NULL,
    field TEXT NOT NULL,
    body TEXT NOT NULL,
    translated_by BIGINT NOT NULL REFERENCES users (id),
    translated_at BIGINT NOT NULL,
    UNIQUE (item_kind, item_id, lang, field)
);
CREATE INDEX content_translations_by_case ON content_translations (case_id, item_kind, item_id);

-- The rest of the free text carries the language it was written in (before: Dutch).
ALTER TABLE appointments ADD COLUMN content_lang TEXT NOT NULL DEFAULT 'nl';
ALTER TABLE contacts ADD COLUMN content_lang TEXT NOT NULL DEFAULT 'nl';
ALTER TABLE reunification_steps ADD COLUMN content_lang TEXT NOT NULL DEFAULT 'nl';
ALTER TABLE plans ADD COLUMN content_lang TEXT NOT NULL DEFAULT 'nl';
