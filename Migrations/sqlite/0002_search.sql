-- Relief schema, version 2: full-text search over enterprise names, case titles, debtor names and
-- notes, kept in step with the data by triggers. Never edit this file once released.
--
-- One FTS5 table with the trigram tokenizer indexes every searchable text. Its rowid says what a
-- row is: (3 << 40) | enterprises.id, (2 << 40) | cases.id, (1 << 40) | events.id, so that
-- walking rowids downwards lists enterprises first, then cases, then notes, newest first.
--
-- Every text is stored with two trailing spaces. A trigram then starts at every character, so a
-- search for one or two characters finds every document holding them through the index's
-- vocabulary (`search_terms`): the trigrams in the range [text, text || U+10FFFF).
--
-- A case's debtor is indexed only when it differs from the title (the default title of a
-- complaint is the debtor's name), which keeps the index small.

CREATE VIRTUAL TABLE search USING fts5 (name, title, debtor, note, tokenize = 'trigram');

CREATE VIRTUAL TABLE search_terms USING fts5vocab (search, 'instance');

CREATE TRIGGER search_enterprise_insert AFTER INSERT ON enterprises
BEGIN
  INSERT INTO search (rowid, name) VALUES ((3 << 40) | NEW.id, NEW.name || '  ');
END;

CREATE TRIGGER search_enterprise_update AFTER UPDATE OF id, name ON enterprises
WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name
BEGIN
  DELETE FROM search WHERE rowid = (3 << 40) | OLD.id;
  INSERT INTO search (rowid, name) VALUES ((3 << 40) | NEW.id, NEW.name || '  ');
END;

CREATE TRIGGER search_enterprise_delete AFTER DELETE ON enterprises
BEGIN
  DELETE FROM search WHERE rowid = (3 << 40) | OLD.id;
END;

CREATE TRIGGER search_case_insert AFTER INSERT ON cases
BEGIN
  INSERT INTO search (rowid, title, debtor)
  VALUES (
    (2 << 40) | NEW.id, NEW.title || '  ',
    nullif(json_extract(NEW.details, '$.debtor'), NEW.title) || '  ');
END;

CREATE TRIGGER search_case_update AFTER UPDATE OF id, title, details ON cases
WHEN OLD.id IS NOT NEW.id OR OLD.title IS NOT NEW.title
  OR json_extract(OLD.details, '$.debtor') IS NOT json_extract(NEW.details, '$.debtor')
BEGIN
  DELETE FROM search WHERE rowid = (2 << 40) | OLD.id;
  INSERT INTO search (rowid, title, debtor)
  VALUES (
    (2 << 40) | NEW.id, NEW.title || '  ',
    nullif(json_extract(NEW.details, '$.debtor'), NEW.title) || '  ');
END;

CREATE TRIGGER search_case_delete AFTER DELETE ON cases
BEGIN
  DELETE FROM search WHERE rowid = (2 << 40) | OLD.id;
END;

-- Events are append-only (0001 refuses UPDATE and DELETE), so only insertion needs a trigger.
CREATE TRIGGER search_note_insert AFTER INSERT ON events
WHEN json_extract(NEW.data, '$.note') IS NOT NULL
BEGIN
  INSERT INTO search (rowid, note)
  VALUES ((1 << 40) | NEW.id, json_extract(NEW.data, '$.note') || '  ');
END;

-- Every search document as the triggers above write it: `tag` says what it is (3 enterprise,
-- 2 case, 1 note) and `source` is the row's id. Used to backfill, by bulk imports (which set
-- the insertion triggers aside: FTS5 flushes its pending index at every statement savepoint,
-- which a trigger causes for each row), and by `relief db check`.
CREATE VIEW search_source (tag, source, name, title, debtor, note) AS
SELECT 3, id, name || '  ', NULL, NULL, NULL FROM enterprises
UNION ALL
SELECT 2, id, NULL, title || '  ', nullif(json_extract(details, '$.debtor'), title) || '  ', NULL
FROM cases
UNION ALL
SELECT 1, id, NULL, NULL, NULL, json_extract(data, '$.note') || '  '
FROM events WHERE json_extract(data, '$.note') IS NOT NULL;

-- Backfill what earlier versions stored.
INSERT INTO search (rowid, name, title, debtor, note)
SELECT (tag << 40) | source, name, title, debtor, note FROM search_source;
