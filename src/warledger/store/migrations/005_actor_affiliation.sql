-- 005: a described collective's affiliation ("Syrian fighters" of the SNA): the global actor it is
-- part of, allied with or fights for, per its documents' relations (resolve/actors.py).
ALTER TABLE global_actors ADD COLUMN affiliation VARCHAR;
