"""An ingest is published in one write: new records beside the live ones, a flip, then GC.

Every record carries ``added`` (the generation that wrote it) and ``retired`` (the one that
superseded it, ``NEVER`` until then); the collection's metadata names the ``live``
generation, and readers see a record iff ``added <= live < retired``. An ingest at
``live + 1`` adds the passages of new and changed documents under new ids (invisible), marks
the live records of changed and removed documents ``retired = live + 1`` (still visible),
flips ``live`` in one ``modify``, and then deletes what it retired. A kill at any point leaves
the old or the new generation visible, never a mix, and the next ingest removes what a
killed one left (``clean_up``): none of that changes what readers see.

An index of schema v2 (the same records without generations) is adopted in place: its
records become generation 1, with no re-embedding. Other schema changes rebuild.

Why not two collections (blue/green): a flip between collections must first copy every
unchanged vector into the new one, so each ingest would cost O(index) writes; here it costs
O(change), and an ingest that changes nothing writes nothing. The price is a filter on every
read (``store.live_where``) and a metadata update per superseded record.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, NamedTuple, cast

from chromadb.api.models.Collection import Collection
from chromadb.api.types import PyEmbedding, Where

from assistant.core.embeddings import MODEL_NAME
from assistant.index.store import (
    INDEX_SCHEMA,
    NEVER,
    LivePointer,
    live_clauses,
    passage_metadata,
    pointer_of,
    record_id,
)
from assistant.kb.chunking import Passage

# Layouts whose records are this one's without the generation keys (ids without "@g").
ADOPTABLE = {f"v2:{MODEL_NAME}"}

# Doc ids per ``$in`` clause: Chroma's SQLite layer fails past ~32k variables in a query.
IN_CLAUSE_MAX = 1000


class NewRecord(NamedTuple):
    logical_id: str  # passage id, + HEADING_VIEW for its heading record
    document: str
    embedding: PyEmbedding
    passage: Passage


def _where(*clauses: dict[str, Any]) -> Where:
    # cast: Chroma types it as a union of operator dicts mypy cannot pick for a dict display.
    return cast(Where, clauses[0] if len(clauses) == 1 else {"$and": list(clauses)})


def _ids(collection: Collection, where: Where, page: int) -> list[str]:
    """Every record id matching ``where``, read page by page before anything is changed."""
    out: list[str] = []
    while True:
        got = collection.get(where=where, include=[], limit=page, offset=len(out))
        out.extend(got["ids"])
        if len(got["ids"]) < page:
            return out


def _delete_all(collection: Collection, where: Where, batch: int) -> None:
    """Delete matching records in batches of ids (each batch vanishes, so no offsets)."""
    while ids := collection.get(where=where, include=[], limit=batch)["ids"]:
        collection.delete(ids=ids)


def _mark(collection: Collection, ids: list[str], retired: int, batch: int) -> None:
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        # update() merges metadata: only ``retired`` changes.
        collection.update(ids=chunk, metadatas=[{"retired": retired}] * len(chunk))


def clean_up(collection: Collection, live: int, batch: int = 5000) -> None:
    """Remove what a killed ingest left beside generation ``live``: the records it wrote,
    its marks on live records, and records a publish superseded but had not yet deleted."""
    _delete_all(collection, _where({"added": {"$gt": live}}), batch)
    _mark(collection, _ids(collection, _where({"retired": {"$gt": live}}, {"retired": {"$lt": NEVER}}), batch),
          NEVER, batch)
    _delete_all(collection, _where({"retired": {"$lte": live}}), batch)


def adopt(collection: Collection, batch: int = 5000) -> LivePointer:
    """Make the records of an ``ADOPTABLE`` index generation 1 and publish them. Until the
    flip this process's readers see nothing (another schema) and older ones see the same
    records as before; a killed adoption is simply done again."""
    ids = _ids(collection, _where({"doc_id": {"$ne": ""}}), batch)
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        collection.update(ids=chunk, metadatas=[{"added": 1, "retired": NEVER}] * len(chunk))
    after = {"schema": INDEX_SCHEMA, "live": 1, "generation": uuid.uuid4().hex}
    collection.modify(metadata=after)
    return pointer_of(after)


def superseded(collection: Collection, live: int, doc_ids: Sequence[str] | None, page: int = 5000) -> list[str]:
    """Ids of the live records of ``doc_ids``; of every record when None (a schema rebuild:
    records of an older layout may lack the generation keys)."""
    if doc_ids is None:
        return _ids(collection, _where({"doc_id": {"$ne": ""}}), page)
    out: list[str] = []
    for start in range(0, len(doc_ids), IN_CLAUSE_MAX):
        chunk = list(doc_ids[start : start + IN_CLAUSE_MAX])
        out += _ids(collection, _where(*live_clauses(live), {"doc_id": {"$in": chunk}}), page)
    return out


def publish(
    collection: Collection, before: LivePointer, records: Sequence[NewRecord],
    stale_docs: Sequence[str] | None, batch: int = 5000,
) -> LivePointer:
    """Make ``records`` live and ``stale_docs`` (None: everything before) gone, atomically
    for readers. ``before`` is the pointer read under the ingest lock."""
    target = before.live + 1
    clean_up(collection, before.live, batch)  # also frees the ids this generation will use
    old = superseded(collection, before.live, stale_docs, batch)  # before the adds: a rebuild takes all
    for start in range(0, len(records), batch):
        chunk = records[start : start + batch]
        collection.add(
            ids=[record_id(r.logical_id, target) for r in chunk],
            documents=[r.document for r in chunk],
            embeddings=[r.embedding for r in chunk],
            metadatas=[passage_metadata(r.passage, target) for r in chunk],
        )
    _mark(collection, old, target, batch)
    # The flip: one metadata write. The fresh stamp tells other processes to refresh.
    after = {"schema": INDEX_SCHEMA, "live": target, "generation": uuid.uuid4().hex}
    collection.modify(metadata=after)
    _delete_all(collection, _where({"retired": {"$lte": target}}), batch)
    return pointer_of(after)
