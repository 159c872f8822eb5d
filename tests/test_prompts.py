"""The data files in prompts/ are validated like code."""

import re
from pathlib import Path

import pytest

from assistant.drafting.packs import available_languages, load_guidance, load_pack, load_plans
from assistant.taxonomy import INTENTS, LANGUAGES
from assistant.understanding.intent import load_intent_specs
from assistant.understanding.lexicon import load_lexicons
from tests.conftest import ROOT

PROMPTS = ROOT / "prompts"


def test_every_supported_language_has_a_pack_and_a_lexicon() -> None:
    assert set(LANGUAGES) <= set(available_languages(PROMPTS))
    assert set(LANGUAGES) <= set(load_lexicons(PROMPTS / "lexicons").by_language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_pack_is_complete_and_digit_free(language: str) -> None:
    pack = load_pack(PROMPTS, language)  # raises on missing keys, unknown placeholders, digits
    assert pack.language == language


def test_plans_reference_existing_pack_keys() -> None:
    plans = load_plans(PROMPTS)
    pack = load_pack(PROMPTS, "en")
    assert set(INTENTS) <= set(plans.intents)
    for name, plan in plans.intents.items():
        assert plan.opening in pack.opening
        situations = [plan, *plan.situations.values()]
        for s in situations:
            for d in s.drafts:
                assert set(d.resolutions) <= set(pack.resolution), name
                assert set(d.asks) <= set(pack.ask), name
                assert d.next_step is None or d.next_step in pack.next_step, name
        for situation in plan.situations:
            assert situation in pack.body[name], f"{name}.{situation} has no wording"


def test_intent_examples_cover_every_intent_and_language() -> None:
    specs = load_intent_specs(PROMPTS / "intents")
    assert {s.intent for s in specs} == set(INTENTS)
    for spec in specs:
        assert set(LANGUAGES) <= set(spec.examples), spec.intent


def test_guidance_file_is_valid() -> None:
    g = load_guidance(PROMPTS, "en")
    assert "anger" in g.reasons and "review" in g.channels


def test_bad_pack_is_rejected_with_file_and_key(tmp_path: Path) -> None:
    from assistant.errors import PromptError

    (tmp_path / "offline").mkdir()
    en = (PROMPTS / "offline" / "en.yaml").read_text()
    (tmp_path / "offline" / "en.yaml").write_text(en)
    bad = re.sub(r"(thanks: \")", r"\1Call us at 555 0100. ", en, count=1)
    (tmp_path / "offline" / "xx.yaml").write_text(bad.replace("language: en", "language: xx"))
    with pytest.raises(PromptError, match=r"xx.yaml.*opening.thanks.*digits"):
        load_pack(tmp_path, "xx")


def _keys(node: object, path: str = "") -> set[str]:
    if not isinstance(node, dict):
        return set()
    return {p for k, v in node.items() for p in ({f"{path}.{k}"} | _keys(v, f"{path}.{k}"))}


def test_every_guidance_language_has_the_same_advice_and_cites_real_documents() -> None:
    import yaml

    from assistant.kb.loader import load_knowledge_base

    doc_ids = {d.meta.id for d in load_knowledge_base(ROOT / "knowledge_base")}
    reference = yaml.safe_load((PROMPTS / "guidance" / "en.yaml").read_text(encoding="utf-8"))
    files = sorted((PROMPTS / "guidance").glob("*.yaml"))
    assert len(files) >= 2  # en and zh at least
    for path in files:
        load_guidance(PROMPTS, path.stem)  # validates
        raw = path.read_text(encoding="utf-8")
        assert _keys(yaml.safe_load(raw)) == _keys(reference), path.name
        cited = set(re.findall(r"\b(?:policy|playbook)-[a-z0-9-]*[a-z0-9]", raw))
        assert cited <= doc_ids, (path.name, cited - doc_ids)
