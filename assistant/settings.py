"""One settings object for the whole process (pydantic-settings, prefix ``ASSISTANT_``).

Nothing else in the package reads the environment: code receives a ``Settings`` (or the
pieces it needs) from its caller. Tests build their own ``Settings(...)`` instead of
patching the environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from assistant.paths import bundled_dir


def _split_csv(value: object) -> object:
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="ASSISTANT_", env_file=".env", extra="ignore", populate_by_name=True
    )

    # --- storage -------------------------------------------------------------------
    data_dir: Path = Path(".assistant-data")
    kb_dir: Path = Field(default_factory=lambda: bundled_dir("knowledge_base"))
    prompts_dir: Path = Field(default_factory=lambda: bundled_dir("prompts"))
    collection: str = "knowledge_base"

    # --- Chroma: embedded by default, a `chroma run` server when a host is set -------
    chroma_host: str | None = None
    chroma_port: int = 8000
    chroma_ssl: bool = False
    # With a Chroma server, other processes (API workers, `ingest`) may write: each worker
    # checks the collection's ingest generation this often and refreshes its snapshot.
    index_sync_s: float = 2.0

    # --- LLM: none configured means the offline drafter serves every request ---------
    llm_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("ASSISTANT_LLM_BASE_URL", "OPENAI_BASE_URL")
    )
    llm_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("ASSISTANT_LLM_API_KEY", "OPENAI_API_KEY")
    )
    llm_model: str = "gpt-4o-mini"
    llm_temperature: float = 0.3
    llm_timeout_s: float = Field(default=20.0, gt=0)  # per attempt; capped at the deadline
    llm_max_retries: int = Field(default=1, ge=0)  # made by the guard, only within the deadline
    # The guard around every LLM call (assistant/drafting/guard.py): a hung or failing
    # endpoint costs a request at most the deadline, then the offline draft is served.
    llm_deadline_s: float = Field(default=8.0, gt=0)
    llm_workers: int = Field(default=8, ge=1)  # threads that wait on the endpoint
    llm_queue_size: int = Field(default=16, ge=0)  # calls that may wait for one; beyond: llm_busy
    llm_circuit_failures: int = Field(default=5, ge=1)  # consecutive failed calls that open the circuit
    llm_circuit_open_s: float = Field(default=30.0, gt=0)  # then one trial call decides
    llm_prompt_token_budget: int = 1200
    llm_max_output_tokens: int = 400
    # How to ask for structured output: "json_schema" (OpenAI structured outputs),
    # "json_object" (JSON mode), "llama_json_schema" (llama.cpp server: JSON constrained by a
    # schema, so even a tiny model returns the right shape) or "none" (prompt only).
    llm_response_format: Literal["none", "json_object", "json_schema", "llama_json_schema"] = "json_object"
    tokenizer_encoding: str = "o200k_base"

    # --- retrieval ---------------------------------------------------------------------
    chunk_max_tokens: int = 220
    retrieval_k: int = 5
    retrieval_candidates: int = 30

    # --- drafting and the auto-reply bot -----------------------------------------------
    shop_name: str = "Novalane"
    # Domains a reply may link to, besides those the knowledge base names (subdomains included).
    allowed_link_domains: Annotated[list[str], NoDecode] = []
    default_drafts: int = 3
    agent_language: str = "en"
    autoreply_intents: Annotated[list[str], NoDecode] = [
        "shipping_options", "delivery_time", "customs_duties", "payment_methods",
        "discount_coupon", "place_order", "track_order", "invoice_request",
        "return_policy", "refund_status", "account_access", "newsletter_subscription",
        "product_question",
    ]
    autoreply_min_intent_confidence: float = 0.55
    autoreply_min_retrieval_score: float = 0.30

    # --- service -------------------------------------------------------------------------
    api_keys: Annotated[list[SecretStr], NoDecode] = []
    admin_api_keys: Annotated[list[SecretStr], NoDecode] = []
    max_message_chars: int = 8000
    max_body_bytes: int = 256_000
    # A client that sends a request's headers or body this slowly is cut off (slow clients
    # must not hold the service's connections).
    header_timeout_s: float = 10.0
    body_timeout_s: float = 30.0
    rate_limit_per_minute: int = 600
    auth_failures_per_minute: int = 20
    cors_origins: Annotated[list[str], NoDecode] = []
    log_level: str = "INFO"

    @field_validator("autoreply_intents", "cors_origins", "api_keys", "admin_api_keys", "allowed_link_domains",
                     mode="before")
    @classmethod
    def _csv(cls, value: object) -> object:
        return _split_csv(value)

    @property
    def llm_configured(self) -> bool:
        return bool(self.llm_base_url or self.llm_api_key)

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def tiktoken_cache_dir(self) -> Path:
        return self.data_dir / "tiktoken"


def get_settings() -> Settings:
    """Settings from the environment (and ``.env``), read afresh: a command reads them once at
    its start and hands them down; tests construct ``Settings`` directly instead."""
    return Settings()
