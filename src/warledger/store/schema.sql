-- The current schema in one file, for reading: the migrations under migrations/ produce exactly
-- this (a test checks it). Change the schema by adding a numbered migration, then update this file.

CREATE TABLE schema_version (
    version INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
);

CREATE TABLE documents (
    id VARCHAR PRIMARY KEY,          -- sha256 of the normalised text
    url VARCHAR,
    title VARCHAR,
    outlet VARCHAR,
    published DATE,
    language VARCHAR,
    chars INTEGER NOT NULL,
    input VARCHAR,                   -- the path, '-', or PATH:N it was read from
    text VARCHAR NOT NULL,           -- the normalised text that every span points into
    ingested_at TIMESTAMP NOT NULL,
    report JSON NOT NULL             -- the whole report (SCHEMA.md), so nothing is lost
);

CREATE TABLE actors (
    document_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    role VARCHAR,
    country VARCHAR,
    kb_id VARCHAR,
    wikidata VARCHAR,
    acled_name VARCHAR,
    aliases JSON,
    PRIMARY KEY (document_id, id)
);

CREATE TABLE places (
    document_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    country VARCHAR,
    admin1 VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    geonames_id BIGINT,
    PRIMARY KEY (document_id, id)
);

CREATE TABLE sources (
    document_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    description VARCHAR,
    channel VARCHAR,
    actor VARCHAR,
    PRIMARY KEY (document_id, id)
);

CREATE TABLE statements (
    document_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    source VARCHAR,
    certainty VARCHAR NOT NULL,
    source_text VARCHAR,
    cue_text VARCHAR,
    content_text VARCHAR NOT NULL,
    PRIMARY KEY (document_id, id)
);

CREATE TABLE events (
    document_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    acled_event_type VARCHAR,
    acled_sub_event_type VARCHAR,
    plover VARCHAR,
    agent JSON,
    patient JSON,
    partner JSON,
    beneficiary JSON,
    location JSON,
    origin JSON,
    destination JSON,
    when_text VARCHAR,
    when_start VARCHAR,
    when_end VARCHAR,
    when_precision VARCHAR,
    quantity DOUBLE,
    fatalities DOUBLE,
    injured DOUBLE,
    money_amount DOUBLE,
    money_currency VARCHAR,
    money_per VARCHAR,
    negated BOOLEAN NOT NULL,
    certainty VARCHAR NOT NULL,
    statement VARCHAR,
    confidence DOUBLE NOT NULL,
    record JSON NOT NULL,            -- the event object as in the report
    PRIMARY KEY (document_id, id)
);

CREATE TABLE relations (
    document_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    target VARCHAR NOT NULL,
    mode VARCHAR,
    when_start VARCHAR,
    when_end VARCHAR,
    certainty VARCHAR NOT NULL,
    statement VARCHAR,
    confidence DOUBLE NOT NULL,
    record JSON NOT NULL,
    PRIMARY KEY (document_id, id)
);

-- Every evidence span: actor and place mentions, event and relation evidence, statement parts.
CREATE TABLE mentions (
    document_id VARCHAR NOT NULL,
    record_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,           -- actor, place, event, relation, statement, statement_source, statement_cue
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,       -- exclusive
    text VARCHAR NOT NULL
);

CREATE TABLE failures (
    input VARCHAR PRIMARY KEY,
    reason VARCHAR NOT NULL,
    message VARCHAR NOT NULL,
    first_seen TIMESTAMP NOT NULL,
    last_seen TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL,
    resolved BOOLEAN NOT NULL
);

-- 002: the cross-document record (resolve/); see migrations/002_resolve.sql.

CREATE TABLE doc_signatures (
    document_id VARCHAR PRIMARY KEY,
    shingles INTEGER NOT NULL,       -- how many distinct word shingles the text has
    signature UBIGINT[] NOT NULL,    -- MinHash values (datasketch, seed 1)
    own_dateline BOOLEAN NOT NULL    -- the dateline names the document's own outlet (wire copy)
);

-- A document that copies an earlier one (exact or near-duplicate text) points at its original.
CREATE TABLE doc_links (
    document_id VARCHAR PRIMARY KEY,
    original_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,           -- exact, near
    similarity DOUBLE NOT NULL       -- estimated Jaccard similarity of the shingle sets
);

-- One row per recorded judgement: a per-document record joined to a corpus-wide one, by a rule.
CREATE TABLE judgements (
    id VARCHAR PRIMARY KEY,          -- stable across runs: the same merge gets the same id
    kind VARCHAR NOT NULL,           -- actor, event
    rule VARCHAR NOT NULL,
    global_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    record_id VARCHAR NOT NULL,
    evidence JSON NOT NULL
);

-- Undone merges: the record stays on its own in every later run until redone.
CREATE TABLE resolve_undone (
    kind VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    record_id VARCHAR NOT NULL,
    judgement_id VARCHAR NOT NULL,
    undone_at TIMESTAMP NOT NULL,
    PRIMARY KEY (kind, document_id, record_id)
);

CREATE TABLE global_actors (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    country VARCHAR,
    kb_id VARCHAR,
    rule VARCHAR NOT NULL,           -- kb_id, name, described, alone
    aliases JSON NOT NULL,
    documents INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    affiliation VARCHAR              -- 005: a described collective's: the global actor it is part of or fights for
);

CREATE TABLE actor_members (
    document_id VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    global_id VARCHAR NOT NULL,
    judgement_id VARCHAR,            -- null for the record that founded its global actor
    PRIMARY KEY (document_id, actor_id)
);

CREATE TABLE global_events (
    id VARCHAR PRIMARY KEY,
    type VARCHAR NOT NULL,
    family VARCHAR NOT NULL,
    when_start VARCHAR,
    when_end VARCHAR,
    country VARCHAR,
    places JSON NOT NULL,            -- names
    agents JSON NOT NULL,            -- global actor ids
    patients JSON NOT NULL,
    beneficiaries JSON NOT NULL,
    certainty VARCHAR NOT NULL,      -- the firmest certainty among its reports
    reports INTEGER NOT NULL,        -- per-document events merged here
    documents INTEGER NOT NULL,
    sources INTEGER NOT NULL,        -- independent sources (copies of one report count once)
    source_names JSON NOT NULL
);

CREATE TABLE event_members (
    document_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    global_id VARCHAR NOT NULL,
    judgement_id VARCHAR,
    source_key VARCHAR NOT NULL,     -- the independent source this report counts as
    source_name VARCHAR NOT NULL,
    PRIMARY KEY (document_id, event_id)
);

-- Values on which the reports of one event disagree, side by side, one row per value.
CREATE TABLE contradictions (
    global_event_id VARCHAR NOT NULL,
    field VARCHAR NOT NULL,          -- fatalities, quantity, date, agents, place, status
    value VARCHAR NOT NULL,
    low DOUBLE,
    high DOUBLE,
    conflict BOOLEAN NOT NULL,       -- true when this value cannot hold with another one
    sources JSON NOT NULL,
    documents JSON NOT NULL
);

CREATE TABLE flows (
    id VARCHAR PRIMARY KEY,
    origin_country VARCHAR,
    origin_places JSON NOT NULL,
    origin_groups JSON NOT NULL,     -- global actor ids of the people moved
    destination_country VARCHAR,
    destination_places JSON NOT NULL,
    sponsors JSON NOT NULL,          -- [{actor, name, country, sources}]
    recruiters JSON NOT NULL,
    beneficiaries JSON NOT NULL,
    numbers JSON NOT NULL,           -- [{text, value, low, high, source, documents}]
    pay JSON NOT NULL,
    terms JSON NOT NULL,
    via JSON NOT NULL,               -- training and transit places
    when_start VARCHAR,
    when_end VARCHAR,
    events JSON NOT NULL,            -- global event ids
    documents JSON NOT NULL,
    sources INTEGER NOT NULL
);

CREATE TABLE network (
    source_id VARCHAR NOT NULL,      -- global actor ids
    target_id VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    intervals JSON NOT NULL,         -- [[start, end], ...] in which the tie is reported
    certainty VARCHAR NOT NULL,
    sources JSON NOT NULL,
    events JSON NOT NULL,            -- global ids of the events that imply it
    documents JSON NOT NULL,
    PRIMARY KEY (source_id, target_id, type)
);

-- 003: incremental resolution: a hash of everything the last run's merging read of each event.
CREATE TABLE event_fingerprints (
    document_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    fingerprint VARCHAR NOT NULL,
    PRIMARY KEY (document_id, event_id)
);

-- 004: reference events from another dataset (`warledger import acled`), kept apart from the record.
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
