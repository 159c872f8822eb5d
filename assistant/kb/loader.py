"""Load and validate a knowledge-base directory, all or nothing.

Every file is checked before anything is returned, so a caller (ingest) never acts on a
half-valid knowledge base: the first problem found raises ``KnowledgeBaseError`` naming
the file and the field.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from assistant.core.yamlio import load_yaml
from assistant.errors import KnowledgeBaseError
from assistant.kb.schema import NUMBER, DocMeta, Document

SKIP_NAMES = {"README.md", "CONTRIBUTING.md"}


def split_front_matter(text: str, path: str) -> tuple[dict[Any, Any], str]:
    if not text.startswith("---"):
        raise KnowledgeBaseError(path, "front matter", "file must start with a '---' YAML block")
    parts = text.split("\n---", 1)
    if len(parts) != 2:
        raise KnowledgeBaseError(path, "front matter", "no closing '---' line")
    try:
        meta = load_yaml(parts[0][3:]) or {}
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(path, "front matter", f"invalid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise KnowledgeBaseError(path, "front matter", "must be a YAML mapping")
    body = parts[1].split("\n", 1)[1] if "\n" in parts[1] else ""
    return meta, body.strip()


def parse_document(text: str, path: str) -> Document:
    raw, body = split_front_matter(text, path)
    try:
        meta = DocMeta.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or "front matter"
        raise KnowledgeBaseError(path, field, err["msg"]) from None
    if Path(path).stem != meta.id:
        raise KnowledgeBaseError(path, "id", f"'{meta.id}' must equal the file name '{Path(path).stem}'")
    if len(body) < 40:
        raise KnowledgeBaseError(path, "body", "the document has no real content")
    body_numbers = set(NUMBER.findall(body))  # whole numbers: "30" is not in "1305000"
    for key, value in meta.facts.items():
        for number in NUMBER.findall(str(value)):
            if number not in body_numbers:
                raise KnowledgeBaseError(
                    path, f"facts.{key}", f"value {value!r}: {number} does not appear in the body"
                )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(meta=meta, body=body, path=path, content_hash=digest)


def load_knowledge_base(root: Path) -> list[Document]:
    """Read every ``*.md`` under ``root``; raise on the first invalid file or cross-file problem."""
    if not root.is_dir():
        raise KnowledgeBaseError(str(root), "path", "knowledge base directory not found")
    docs: list[Document] = []
    for file in sorted(root.rglob("*.md")):
        if file.name in SKIP_NAMES:
            continue
        rel = str(file.relative_to(root.parent)) if root.parent != file else str(file)
        if file.is_symlink() and not file.exists():
            raise KnowledgeBaseError(rel, "file", "a symbolic link to nothing: remove it or point it at a document")
        if not file.is_file():
            raise KnowledgeBaseError(rel, "file", "not a regular file (a directory named *.md?): rename or remove it")
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise KnowledgeBaseError(rel, "encoding", "not valid UTF-8") from None
        except OSError as exc:
            raise KnowledgeBaseError(rel, "file", f"cannot be read: {exc.strerror or exc}") from None
        docs.append(parse_document(text, rel))
    if not docs:
        raise KnowledgeBaseError(str(root), "path", "no Markdown documents found")
    check_cross_references(docs)
    return docs


def check_cross_references(docs: list[Document]) -> None:
    seen: dict[str, str] = {}
    fact_owner: dict[tuple[str, str], str] = {}
    for doc in docs:
        if doc.meta.id in seen:
            raise KnowledgeBaseError(doc.path, "id", f"'{doc.meta.id}' is already used by {seen[doc.meta.id]}")
        seen[doc.meta.id] = doc.path
    for doc in docs:
        for ref in doc.meta.related:
            if ref not in seen:
                raise KnowledgeBaseError(doc.path, "related", f"unknown document id '{ref}'")
        # A fact is stated once per market: two documents owning the same key for an
        # overlapping market would contradict each other sooner or later.
        for key in doc.meta.facts:
            for market in doc.meta.markets:
                owner = fact_owner.setdefault((key, market), doc.meta.id)
                if owner != doc.meta.id:
                    raise KnowledgeBaseError(
                        doc.path, f"facts.{key}", f"already stated for {market} in '{owner}'"
                    )
