"""Property-based fuzzing of the API from its own OpenAPI schema: nothing may answer 5xx."""

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from assistant.api.app import create_app
from assistant.engine import ReplyEngine
from assistant.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def fuzz_app(engine: ReplyEngine, engine_settings: Settings,  # type: ignore[no-untyped-def]
             tmp_path_factory: pytest.TempPathFactory):
    data = tmp_path_factory.mktemp("fuzz")
    app = create_app(engine_settings.model_copy(update={"data_dir": data, "rate_limit_per_minute": 0}), engine=engine)
    with TestClient(app):  # runs the lifespan
        yield app


def test_no_5xx_on_any_generated_request(fuzz_app) -> None:  # type: ignore[no-untyped-def]
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)
    failures: list[str] = []
    for operation in schema.get_all_operations():
        op = operation.ok()

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
        @given(case=op.as_strategy())
        def check(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call()
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.path} -> {response.status_code}: {response.text[:200]}")

        check()
    assert not failures, failures[:5]
