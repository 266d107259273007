-- Who asked and why: the officer making a call and its purpose (procedure code / dossier code), for the flows whose
-- every call must name them (citizen identity). Nullable: other flows (dossier events) have neither.
ALTER TABLE exchange ADD COLUMN officer_id VARCHAR(64);
ALTER TABLE exchange ADD COLUMN purpose VARCHAR(120);
