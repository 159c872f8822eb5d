"""The exception tree. Every error says what went wrong and what to do about it.

    AssistantError
    ├── ConfigError            settings that cannot work together
    ├── KnowledgeBaseError     a knowledge-base file is invalid (names the file and the field)
    ├── IndexNotReadyError     no index yet: run `support-assistant ingest`
    ├── BusyError              another process holds what is needed (an ingest): retry later
    ├── ChromaServerError      the Chroma server that `serve --workers N` starts did not come up
    ├── PromptError            a prompt / language-pack data file is invalid
    └── InputError             a request the caller got wrong (→ HTTP 4xx, batch error line)

LLM failures are not errors of this tree: the engine turns every one into an offline draft
with its reason (``fallback_reason``).
"""

from __future__ import annotations


class AssistantError(Exception):
    code = "assistant_error"


class ConfigError(AssistantError):
    code = "config_error"


class KnowledgeBaseError(AssistantError):
    code = "invalid_knowledge_base"

    def __init__(self, path: str, field: str, problem: str) -> None:
        self.path, self.field, self.problem = path, field, problem
        super().__init__(f"{path}: field '{field}': {problem}")


class IndexNotReadyError(AssistantError):
    code = "index_not_ready"


class BusyError(AssistantError):
    """Something another process holds (an ingest in progress): retry later (HTTP 503)."""

    code = "busy"


class ChromaServerError(AssistantError):
    code = "chroma_server_error"


class PromptError(AssistantError):
    code = "invalid_prompt_file"


class InputError(AssistantError):
    code = "invalid_input"


