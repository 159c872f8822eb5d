import pytest

from assistant.models import Customer
from assistant.understanding.customer import customer_value
from assistant.understanding.entities import extract_entities
from assistant.understanding.escalation import assess_escalation
from assistant.understanding.language import detect_language
from assistant.understanding.lexicon import load_lexicons
from assistant.understanding.pii import find_pii, luhn_ok, redact
from tests.conftest import ROOT

LEX = load_lexicons(ROOT / "prompts" / "lexicons")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hola, mi pedido no ha llegado todavía, qué pasa?", "es"),
        ("Hallo, ich möchte meine Bestellung stornieren", "de"),
        ("Bonjour, je voudrais annuler ma commande svp", "fr"),
        ("dziękuję", "pl"),
        ("obrigado", "pt"),
        ("teşekkürler", "tr"),
        ("私の注文はどこですか", "ja"),
        ("我的订单在哪里", "zh"),
        ("주문이 어디에 있나요", "ko"),
        ("Где мой заказ?", "ru"),
        ("أين طلبي", "ar"),
        ("where is my order 8123456789012345", "en"),
        ("waar blijft mijn pakket", "nl"),
        ("dov'è il mio pacco", "it"),
    ],
)
def test_language_detection_including_short_messages(text: str, lang: str) -> None:
    assert detect_language(text, cue_votes=LEX.politeness_votes).language == lang


def test_language_falls_back_to_hint_without_letters() -> None:
    guess = detect_language("8123456789012345 ???", hint="de")
    assert guess.language == "de" and guess.method == "hint"


def test_language_detection_is_deterministic() -> None:
    text = "ok thanks but still nothing arrived"
    assert len({detect_language(text).language for _ in range(5)}) == 1


def test_card_numbers_need_luhn_and_card_prefix() -> None:
    assert luhn_ok("4111111111111111")
    kinds = [p.kind for p in find_pii("card 4111 1111 1111 1111, order 8123456789012345")]
    assert kinds == ["card"]
    assert find_pii("card 4111 1111 1111 1112") == []  # fails Luhn


def test_redaction_covers_common_personal_data() -> None:
    text = ("mail jo.doe@example.com, tel +49 151 23456789, IBAN DE89 3704 0044 0532 0130 00, "
            "CPF 123.456.789-09, tracking LP00123456789012")
    out = redact(text)
    assert "jo.doe" not in out and "151 2345" not in out and "3704" not in out and "123.456" not in out
    assert "LP00123456789012" in out  # a tracking number is not personal data


def test_entities() -> None:
    e = extract_entities("Order 114-3941689-8772232 and NL10234, tracking RB123456789CN, paid 49,99 € "
                         "for NL-EL-1034 on 2026-11-02")
    assert e.order_numbers == ["114-3941689-8772232", "NL10234"]
    assert e.tracking_numbers == ["RB123456789CN"]
    assert e.amounts[0].value == 49.99 and e.amounts[0].currency == "EUR"
    assert e.products == ["NL-EL-1034"] and e.dates == ["2026-11-02"]


@pytest.mark.parametrize(
    ("text", "lang", "level", "reason"),
    [
        ("Hello, could you tell me when my order will ship? Thank you!", "en", "none", None),
        ("I will file a chargeback with my bank if I don't get my money back", "en", "high", "chargeback_threat"),
        ("Das ist eine Frechheit, ich gehe zum Anwalt!", "de", "high", "legal_threat"),
        ("THIS IS RIDICULOUS WHERE IS MY PARCEL", "en", "medium", "anger"),
        ("je vais laisser un avis négatif", "fr", "medium", "review_threat"),
    ],
)
def test_escalation_levels(text: str, lang: str, level: str, reason: str | None) -> None:
    esc = assess_escalation(text, lang, LEX)
    assert esc.level == level
    if reason:
        assert reason in esc.reasons


def test_polite_high_value_customer_stays_low() -> None:
    esc = assess_escalation("Hi, a quick question about sizes please", "en", LEX,
                            order_value_usd=900, high_value_customer=True)
    assert esc.level == "low"
    assert set(esc.reasons) == {"high_order_value", "vip_customer"}


def test_repeated_contact_from_history() -> None:
    esc = assess_escalation("any news?", "en", LEX, earlier_customer_messages=2)
    assert esc.level == "medium" and "repeated_contact" in esc.reasons


@pytest.mark.parametrize(
    ("days", "orders", "spent", "rfm"),
    [(30, 5, 1000, (5, 5, 5)), (91, 4, 500, (4, 4, 4)), (200, 3, 250, (3, 3, 3)), (700, 2, 100, (2, 2, 2)),
     (800, 1, 50, (1, 1, 1))],
)
def test_rfm_table(days: int, orders: int, spent: float, rfm: tuple[int, int, int]) -> None:
    value = customer_value(Customer(days_since_last_order=days, orders_count=orders, total_spent_usd=spent))
    assert value is not None and (value.r, value.f, value.m) == rfm
    assert value.high_value == (sum(rfm) >= 12)


def test_no_customer_history_means_no_score() -> None:
    assert customer_value(Customer(name="Ana")) is None
