-- Relief schema, version 5: search folds full-width letters and digits. Never edit this file once
-- released.
--
-- A name such as 深圳市ＡＢＣ星河科技有限公司 is typed with full-width letters as often as with
-- ASCII ones, and an officer searches for it either way: `abc星河`, `ａｂｃ`, `ＡＢ 星河科技`. The
-- trigram index folds case (Unicode's, full-width letters included) but not width, so the index
-- now holds every text with its full-width letters and digits (U+FF10..U+FF19, U+FF21..U+FF3A,
-- U+FF41..U+FF5A) replaced by their ASCII forms, the fold that Unicode's NFKC gives them; Relief
-- folds a query the same way (and lower-cases it) before it reaches SQLite. Other full-width
-- forms (（）、，and the like) stay as typed, in the index and in a query alike.
--
-- The fold is plain SQL (nested replace()), so that the triggers and the view keep working in
-- the sqlite3 shell; it is applied in four layers of 16 replacements, since SQLite's parser
-- refuses deeper nesting. The view `search_source` holds the folded texts; the insertion and update
-- triggers now index what it says, so that one definition serves the triggers, bulk imports and
-- `relief db check`. Texts with a full-width letter or digit are indexed again.

DROP VIEW search_source;

CREATE VIEW search_source (tag, source, name, title, debtor, note) AS
SELECT tag, source,
  replace(replace(replace(replace(replace(replace(replace(replace(
  replace(replace(replace(replace(replace(replace(
    name,
    'ｍ', 'm'), 'ｎ', 'n'), 'ｏ', 'o'), 'ｐ', 'p'), 'ｑ', 'q'), 'ｒ', 'r'), 'ｓ', 's'), 'ｔ', 't'),
    'ｕ', 'u'), 'ｖ', 'v'), 'ｗ', 'w'), 'ｘ', 'x'), 'ｙ', 'y'), 'ｚ', 'z') AS name,
  replace(replace(replace(replace(replace(replace(replace(replace(
  replace(replace(replace(replace(replace(replace(
    title,
    'ｍ', 'm'), 'ｎ', 'n'), 'ｏ', 'o'), 'ｐ', 'p'), 'ｑ', 'q'), 'ｒ', 'r'), 'ｓ', 's'), 'ｔ', 't'),
    'ｕ', 'u'), 'ｖ', 'v'), 'ｗ', 'w'), 'ｘ', 'x'), 'ｙ', 'y'), 'ｚ', 'z') AS title,
  replace(replace(replace(replace(replace(replace(replace(replace(
  replace(replace(replace(replace(replace(replace(
    debtor,
    'ｍ', 'm'), 'ｎ', 'n'), 'ｏ', 'o'), 'ｐ', 'p'), 'ｑ', 'q'), 'ｒ', 'r'), 'ｓ', 's'), 'ｔ', 't'),
    'ｕ', 'u'), 'ｖ', 'v'), 'ｗ', 'w'), 'ｘ', 'x'), 'ｙ', 'y'), 'ｚ', 'z') AS debtor,
  replace(replace(replace(replace(replace(replace(replace(replace(
  replace(replace(replace(replace(replace(replace(
    note,
    'ｍ', 'm'), 'ｎ', 'n'), 'ｏ', 'o'), 'ｐ', 'p'), 'ｑ', 'q'), 'ｒ', 'r'), 'ｓ', 's'), 'ｔ', 't'),
    'ｕ', 'u'), 'ｖ', 'v'), 'ｗ', 'w'), 'ｘ', 'x'), 'ｙ', 'y'), 'ｚ', 'z') AS note
FROM (
  SELECT tag, source,
    replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(
      name,
      'Ｗ', 'W'), 'Ｘ', 'X'), 'Ｙ', 'Y'), 'Ｚ', 'Z'), 'ａ', 'a'), 'ｂ', 'b'), 'ｃ', 'c'), 'ｄ', 'd'),
      'ｅ', 'e'), 'ｆ', 'f'), 'ｇ', 'g'), 'ｈ', 'h'), 'ｉ', 'i'), 'ｊ', 'j'), 'ｋ', 'k'), 'ｌ', 'l') AS name,
    replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(
      title,
      'Ｗ', 'W'), 'Ｘ', 'X'), 'Ｙ', 'Y'), 'Ｚ', 'Z'), 'ａ', 'a'), 'ｂ', 'b'), 'ｃ', 'c'), 'ｄ', 'd'),
      'ｅ', 'e'), 'ｆ', 'f'), 'ｇ', 'g'), 'ｈ', 'h'), 'ｉ', 'i'), 'ｊ', 'j'), 'ｋ', 'k'), 'ｌ', 'l') AS title,
    replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(
      debtor,
      'Ｗ', 'W'), 'Ｘ', 'X'), 'Ｙ', 'Y'), 'Ｚ', 'Z'), 'ａ', 'a'), 'ｂ', 'b'), 'ｃ', 'c'), 'ｄ', 'd'),
      'ｅ', 'e'), 'ｆ', 'f'), 'ｇ', 'g'), 'ｈ', 'h'), 'ｉ', 'i'), 'ｊ', 'j'), 'ｋ', 'k'), 'ｌ', 'l') AS debtor,
    replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(
      note,
      'Ｗ', 'W'), 'Ｘ', 'X'), 'Ｙ', 'Y'), 'Ｚ', 'Z'), 'ａ', 'a'), 'ｂ', 'b'), 'ｃ', 'c'), 'ｄ', 'd'),
      'ｅ', 'e'), 'ｆ', 'f'), 'ｇ', 'g'), 'ｈ', 'h'), 'ｉ', 'i'), 'ｊ', 'j'), 'ｋ', 'k'), 'ｌ', 'l') AS note
  FROM (
    SELECT tag, source,
      replace(replace(replace(replace(replace(replace(replace(replace(
      replace(replace(replace(replace(replace(replace(replace(replace(
        name,
        'Ｇ', 'G'), 'Ｈ', 'H'), 'Ｉ', 'I'), 'Ｊ', 'J'), 'Ｋ', 'K'), 'Ｌ', 'L'), 'Ｍ', 'M'), 'Ｎ', 'N'),
        'Ｏ', 'O'), 'Ｐ', 'P'), 'Ｑ', 'Q'), 'Ｒ', 'R'), 'Ｓ', 'S'), 'Ｔ', 'T'), 'Ｕ', 'U'), 'Ｖ', 'V') AS name,
      replace(replace(replace(replace(replace(replace(replace(replace(
      replace(replace(replace(replace(replace(replace(replace(replace(
        title,
        'Ｇ', 'G'), 'Ｈ', 'H'), 'Ｉ', 'I'), 'Ｊ', 'J'), 'Ｋ', 'K'), 'Ｌ', 'L'), 'Ｍ', 'M'), 'Ｎ', 'N'),
        'Ｏ', 'O'), 'Ｐ', 'P'), 'Ｑ', 'Q'), 'Ｒ', 'R'), 'Ｓ', 'S'), 'Ｔ', 'T'), 'Ｕ', 'U'), 'Ｖ', 'V') AS title,
      replace(replace(replace(replace(replace(replace(replace(replace(
      replace(replace(replace(replace(replace(replace(replace(replace(
        debtor,
        'Ｇ', 'G'), 'Ｈ', 'H'), 'Ｉ', 'I'), 'Ｊ', 'J'), 'Ｋ', 'K'), 'Ｌ', 'L'), 'Ｍ', 'M'), 'Ｎ', 'N'),
        'Ｏ', 'O'), 'Ｐ', 'P'), 'Ｑ', 'Q'), 'Ｒ', 'R'), 'Ｓ', 'S'), 'Ｔ', 'T'), 'Ｕ', 'U'), 'Ｖ', 'V') AS debtor,
      replace(replace(replace(replace(replace(replace(replace(replace(
      replace(replace(replace(replace(replace(replace(replace(replace(
        note,
        'Ｇ', 'G'), 'Ｈ', 'H'), 'Ｉ', 'I'), 'Ｊ', 'J'), 'Ｋ', 'K'), 'Ｌ', 'L'), 'Ｍ', 'M'), 'Ｎ', 'N'),
        'Ｏ', 'O'), 'Ｐ', 'P'), 'Ｑ', 'Q'), 'Ｒ', 'R'), 'Ｓ', 'S'), 'Ｔ', 'T'), 'Ｕ', 'U'), 'Ｖ', 'V') AS note
    FROM (
      SELECT tag, source,
        replace(replace(replace(replace(replace(replace(replace(replace(
        replace(replace(replace(replace(replace(replace(replace(replace(
          name,
          '０', '0'), '１', '1'), '２', '2'), '３', '3'), '４', '4'), '５', '5'), '６', '6'), '７', '7'),
          '８', '8'), '９', '9'), 'Ａ', 'A'), 'Ｂ', 'B'), 'Ｃ', 'C'), 'Ｄ', 'D'), 'Ｅ', 'E'), 'Ｆ', 'F') AS name,
        replace(replace(replace(replace(replace(replace(replace(replace(
        replace(replace(replace(replace(replace(replace(replace(replace(
          title,
          '０', '0'), '１', '1'), '２', '2'), '３', '3'), '４', '4'), '５', '5'), '６', '6'), '７', '7'),
          '８', '8'), '９', '9'), 'Ａ', 'A'), 'Ｂ', 'B'), 'Ｃ', 'C'), 'Ｄ', 'D'), 'Ｅ', 'E'), 'Ｆ', 'F') AS title,
        replace(replace(replace(replace(replace(replace(replace(replace(
        replace(replace(replace(replace(replace(replace(replace(replace(
          debtor,
          '０', '0'), '１', '1'), '２', '2'), '３', '3'), '４', '4'), '５', '5'), '６', '6'), '７', '7'),
          '８', '8'), '９', '9'), 'Ａ', 'A'), 'Ｂ', 'B'), 'Ｃ', 'C'), 'Ｄ', 'D'), 'Ｅ', 'E'), 'Ｆ', 'F') AS debtor,
        replace(replace(replace(replace(replace(replace(replace(replace(
        replace(replace(replace(replace(replace(replace(replace(replace(
          note,
          '０', '0'), '１', '1'), '２', '2'), '３', '3'), '４', '4'), '５', '5'), '６', '6'), '７', '7'),
          '８', '8'), '９', '9'), 'Ａ', 'A'), 'Ｂ', 'B'), 'Ｃ', 'C'), 'Ｄ', 'D'), 'Ｅ', 'E'), 'Ｆ', 'F') AS note
      FROM (
        SELECT 3 AS tag, id AS source, name || '  ' AS name, NULL AS title, NULL AS debtor,
          NULL AS note
        FROM enterprises
        UNION ALL
        SELECT 2, id, NULL, title || '  ', nullif(json_extract(details, '$.debtor'), title) || '  ', NULL
        FROM cases
        UNION ALL
        SELECT 1, id, NULL, NULL, NULL, json_extract(data, '$.note') || '  '
        FROM event_log WHERE json_extract(data, '$.note') IS NOT NULL
      )
    )
  )
);

-- The triggers of 0002 and 0004, indexing what the view says. The tag is a constant, so that
-- SQLite reads only the branch of the view for its table, by its id.
DROP TRIGGER search_enterprise_insert;
DROP TRIGGER search_enterprise_update;
DROP TRIGGER search_case_insert;
DROP TRIGGER search_case_update;
DROP TRIGGER search_note_insert;

CREATE TRIGGER search_enterprise_insert AFTER INSERT ON enterprises
BEGIN
  INSERT INTO search (rowid, name)
  SELECT (3 << 40) | source, name FROM search_source WHERE tag = 3 AND source = NEW.id;
END;

CREATE TRIGGER search_enterprise_update AFTER UPDATE OF id, name ON enterprises
WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name
BEGIN
  DELETE FROM search WHERE rowid = (3 << 40) | OLD.id;
  INSERT INTO search (rowid, name)
  SELECT (3 << 40) | source, name FROM search_source WHERE tag = 3 AND source = NEW.id;
END;

CREATE TRIGGER search_case_insert AFTER INSERT ON cases
BEGIN
  INSERT INTO search (rowid, title, debtor)
  SELECT (2 << 40) | source, title, debtor FROM search_source WHERE tag = 2 AND source = NEW.id;
END;

CREATE TRIGGER search_case_update AFTER UPDATE OF id, title, details ON cases
WHEN OLD.id IS NOT NEW.id OR OLD.title IS NOT NEW.title
  OR json_extract(OLD.details, '$.debtor') IS NOT json_extract(NEW.details, '$.debtor')
BEGIN
  DELETE FROM search WHERE rowid = (2 << 40) | OLD.id;
  INSERT INTO search (rowid, title, debtor)
  SELECT (2 << 40) | source, title, debtor FROM search_source WHERE tag = 2 AND source = NEW.id;
END;

CREATE TRIGGER search_note_insert AFTER INSERT ON event_log
WHEN json_extract(NEW.data, '$.note') IS NOT NULL
BEGIN
  INSERT INTO search (rowid, note)
  SELECT (1 << 40) | source, note FROM search_source WHERE tag = 1 AND source = NEW.id;
END;

-- Index again the texts that hold a full-width letter or digit (GLOB compares characters, so
-- the ranges are of code points).
DELETE FROM search WHERE rowid IN (
  SELECT (3 << 40) | id FROM enterprises WHERE name GLOB '*[０-９Ａ-Ｚａ-ｚ]*'
  UNION ALL
  SELECT (2 << 40) | id FROM cases
  WHERE title GLOB '*[０-９Ａ-Ｚａ-ｚ]*'
    OR json_extract(details, '$.debtor') GLOB '*[０-９Ａ-Ｚａ-ｚ]*'
  UNION ALL
  SELECT (1 << 40) | id FROM event_log WHERE json_extract(data, '$.note') GLOB '*[０-９Ａ-Ｚａ-ｚ]*');

INSERT INTO search (rowid, name, title, debtor, note)
SELECT (3 << 40) | source, name, title, debtor, note FROM search_source
WHERE tag = 3 AND source IN (
  SELECT id FROM enterprises WHERE name GLOB '*[０-９Ａ-Ｚａ-ｚ]*');

INSERT INTO search (rowid, name, title, debtor, note)
SELECT (2 << 40) | source, name, title, debtor, note FROM search_source
WHERE tag = 2 AND source IN (
  SELECT id FROM cases
  WHERE title GLOB '*[０-９Ａ-Ｚａ-ｚ]*'
    OR json_extract(details, '$.debtor') GLOB '*[０-９Ａ-Ｚａ-ｚ]*');

INSERT INTO search (rowid, name, title, debtor, note)
SELECT (1 << 40) | source, name, title, debtor, note FROM search_source
WHERE tag = 1 AND source IN (
  SELECT id FROM event_log WHERE json_extract(data, '$.note') GLOB '*[０-９Ａ-Ｚａ-ｚ]*');
