-- The sixteen sectors of the 2011 SME size standard (工信部联企业〔2011〕300号, art. 4) and the
-- total assets (资产总额) that construction, real-estate development, and leasing and business
-- services are sized by. The sector column's CHECK named the first five sectors only; SQLite
-- cannot change a CHECK in place, so the column is replaced: a new column with the sixteen names,
-- filled from the old one, the old one dropped, the new one given its name. The values of
-- `Sector` in Sources/ReliefDomain/Enterprise/SizeStandard.swift (a test ties this list to them).
ALTER TABLE enterprises ADD COLUMN size_sector TEXT CHECK (size_sector IN (
  'agriculture', 'industry', 'construction', 'wholesale', 'retail', 'transport', 'warehousing',
  'postal', 'accommodation', 'catering', 'information-transmission', 'software-and-it',
  'real-estate-development', 'property-management', 'leasing-and-business-services', 'other'));
UPDATE enterprises SET size_sector = sector WHERE sector IS NOT NULL;
ALTER TABLE enterprises DROP COLUMN sector;
ALTER TABLE enterprises RENAME COLUMN size_sector TO sector;

-- Total assets in fen, like revenue.
ALTER TABLE enterprises ADD COLUMN assets INTEGER CHECK (assets >= 0);
