"""Token-aware chunking that keeps each passage's heading and document metadata with it.

A passage is one Markdown section (``#``/``##``/``###``) of a document. Sections longer
than the token limit are split at paragraph, then line, then sentence boundaries, and every
piece carries its heading, so a passage read alone (by the embedder, BM25 or an LLM) still
says what it is about. Short passages keep the multilingual embedder sharp: averaged
embeddings of long texts drift towards "generic shop text".
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator

from pydantic import BaseModel, ConfigDict

from assistant.kb.schema import Document

HEADING = re.compile(r"^(#{1,3})\s+(.+?)\s*#*\s*$")
SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")


class Passage(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    doc_id: str
    doc_type: str
    title: str
    heading: str
    text: str  # the section text, without the heading line
    markets: tuple[str, ...]
    intents: tuple[str, ...]
    language: str
    position: int
    doc_hash: str

    @property
    def embed_text(self) -> str:
        """What the embedder and BM25 see: heading context first, then the text."""
        if self.heading and self.heading != self.title:
            return f"{self.title} — {self.heading}\n{self.text}"
        return f"{self.title}\n{self.text}"

    @property
    def heading_line(self) -> str:
        """The passage's heading context alone (its second, short embedding view)."""
        if self.heading and self.heading != self.title:
            return f"{self.title} — {self.heading}"
        return self.title

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.embed_text.encode()).hexdigest()[:16]


def _sections(body: str, title: str) -> Iterator[tuple[str, str]]:
    heading = title
    lines: list[str] = []
    for line in body.splitlines():
        match = HEADING.match(line)
        if match:
            if "".join(lines).strip():
                yield heading, "\n".join(lines).strip()
            text = match.group(2).strip()
            heading = title if len(match.group(1)) == 1 else text
            lines = []
        else:
            lines.append(line)
    if "".join(lines).strip():
        yield heading, "\n".join(lines).strip()


def _split(text: str, limit: int, count: Callable[[str], int]) -> list[str]:
    if count(text) <= limit:
        return [text]
    for separator in ("\n\n", "\n", SENTENCE_END):
        pieces = separator.split(text) if isinstance(separator, re.Pattern) else text.split(separator)
        if len(pieces) > 1:
            joiner = " " if isinstance(separator, re.Pattern) else separator
            return _pack(pieces, limit, count, joiner)
    # One enormous sentence: cut on token count (rare; keeps the guarantee).
    return word_windows(text.split(" "), limit, count)


def word_windows(words: list[str], limit: int, count: Callable[[str], int]) -> list[str]:
    """Greedy windows of whole words, each at most ``limit`` tokens."""
    out, current = [], ""
    for word in words:
        if current and count(current + " " + word) > limit:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return out + ([current] if current else [])


def _pack(pieces: list[str], limit: int, count: Callable[[str], int], joiner: str) -> list[str]:
    out: list[str] = []
    current = ""
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        candidate = f"{current}{joiner}{piece}" if current else piece
        if count(candidate) <= limit:
            current = candidate
            continue
        if current:
            out.append(current)
        if count(piece) > limit:
            out.extend(_split(piece, limit, count))
            current = ""
        else:
            current = piece
    if current:
        out.append(current)
    return out


def chunk_document(doc: Document, max_tokens: int, count: Callable[[str], int]) -> list[Passage]:
    meta = doc.meta
    passages: list[Passage] = []
    for heading, text in _sections(doc.body, meta.title):
        # Leave room for the heading line that travels with every piece.
        budget = max(40, max_tokens - count(f"{meta.title} — {heading}"))
        for piece in _split(text, budget, count):
            passages.append(
                Passage(
                    id=f"{meta.id}#{len(passages)}",
                    doc_id=meta.id,
                    doc_type=meta.doc_type,
                    title=meta.title,
                    heading=heading,
                    text=piece,
                    markets=tuple(meta.markets),
                    intents=tuple(meta.intents),
                    language=meta.language,
                    position=len(passages),
                    doc_hash=doc.content_hash,
                )
            )
    return passages


def fixed_size_chunks(doc: Document, size_tokens: int, count: Callable[[str], int]) -> list[Passage]:
    """The naive baseline's chunking: fixed token windows, no headings kept (for eval only)."""
    pieces = word_windows(doc.body.split(), size_tokens, count)
    meta = doc.meta
    return [
        Passage(id=f"{meta.id}#{i}", doc_id=meta.id, doc_type=meta.doc_type, title=meta.title,
                heading="", text=p, markets=tuple(meta.markets), intents=tuple(meta.intents),
                language=meta.language, position=i, doc_hash=doc.content_hash)
        for i, p in enumerate(pieces)
    ]
