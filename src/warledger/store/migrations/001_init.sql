-- 001: the first schema. One row per document, its full report as JSON, and one table per record
-- kind for querying. Record ids (a1, e1, ...) are local to a document: keys are (document_id, id).

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
