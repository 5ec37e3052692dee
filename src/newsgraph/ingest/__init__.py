"""ingest: files, folders, WARC and stdin -> RawDocument (or InputError for what cannot be read)."""

from newsgraph.ingest.files import iter_documents, walk
from newsgraph.ingest.sniff import sniff_kind

__all__ = ["iter_documents", "sniff_kind", "walk"]
