-- 003: what incremental resolution needs to know of the last run (src/warledger/resolve/incremental.py).
-- One row per per-document event merged by the last `warledger resolve`: a hash of everything its
-- merging read. An event whose fingerprint, and whose neighbours' fingerprints, are unchanged keeps
-- its global event without being merged again.

CREATE TABLE event_fingerprints (
    document_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    fingerprint VARCHAR NOT NULL,
    PRIMARY KEY (document_id, event_id)
);
