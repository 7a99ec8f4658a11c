-- 004: reference events loaded from another dataset (`warledger import acled CSV`), kept apart
-- from the extracted record: no resolve, query or export reads this table, and nothing here is
-- ever merged into it. `warledger compare acled` matches them against the record.
CREATE TABLE reference_events (
    dataset VARCHAR NOT NULL,        -- acled
    id VARCHAR NOT NULL,             -- the dataset's own id (ACLED's event_id_cnty)
    source_file VARCHAR NOT NULL,    -- the file it was imported from
    line INTEGER NOT NULL,           -- its line in that file
    event_date VARCHAR,              -- ISO date
    event_type VARCHAR,
    sub_event_type VARCHAR,
    actor1 VARCHAR,
    actor2 VARCHAR,
    country VARCHAR,
    iso3 VARCHAR,
    location VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE,
    fatalities INTEGER,
    notes VARCHAR NOT NULL,
    cells JSON NOT NULL,             -- every cell of the row as read, so nothing is lost
    imported_at TIMESTAMP NOT NULL,
    PRIMARY KEY (dataset, id)
);
