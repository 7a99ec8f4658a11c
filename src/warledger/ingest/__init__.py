"""Readers: text, HTML, JSON lines, RSS/Atom feeds, WARC archives, folders and stdin -> Document.

`read_inputs` (in `warledger.ingest.read`) is the entry point; every format has its own module.
"""

from warledger.ingest.read import read_inputs

__all__ = ["read_inputs"]
