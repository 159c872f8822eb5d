"""Caller-supplied fields enter a draft only as plain text (drafting/fields.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.drafting.fields import clean_field


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("name", "  María José ", "María José"),
    ("name", "李小龙", "李小龙"),
    ("order_number", "#1001", "#1001"),
    ("order_number", "123-4567890-1234567", "123-4567890-1234567"),
    ("tracking_number", "RR123456785CN", "RR123456785CN"),
    ("carrier", "Correos Express", "Correos Express"),
    ("product", "Puffer jacket (navy, M)", "Puffer jacket (navy, M)"),
])
def test_ordinary_values_are_quoted_as_they_are(field: str, value: str, expected: str) -> None:
    assert clean_field(field, value) == expected


@pytest.mark.parametrize(("field", "value"), [
    ("name", "<img src=x onerror=alert(1)>"),
    ("name", "Bob {system_prompt}"),
    ("name", "Visit https://evil.example"),
    ("name", "see www.evil.example"),
    ("name", "[click](http://x)"),
    ("name", "Ann\u202eevil"),  # a right-to-left override
    ("name", "x" * 61),
    ("order_number", "1; DROP TABLE"),
    ("order_number", "<b>1</b>"),
    ("carrier", "javascript:alert(1)"),
])
def test_markup_links_control_characters_and_overlong_values_are_left_out(field: str, value: str) -> None:
    assert clean_field(field, value) is None


@given(st.sampled_from(["name", "order_number", "tracking_number", "carrier", "product"]), st.text(max_size=90))
def test_whatever_is_quoted_holds_no_markup_or_link(field: str, value: str) -> None:
    out = clean_field(field, value)
    if out is not None:
        assert not any(c in out for c in "<>{}`") and "://" not in out
