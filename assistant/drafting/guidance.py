"""Advice for the agent (de-escalation, what to offer, what to avoid), from prompts/guidance."""

from __future__ import annotations

from assistant.drafting.packs import Guidance
from assistant.models import Escalation


def agent_guidance(
    g: Guidance, intent: str, situation: str, escalation: Escalation, channel: str,
    has_pii: bool, high_value: bool, unsafe_fields: bool = False, limit: int = 5,
) -> list[str]:
    lines: list[str] = []
    if escalation.level in g.level:
        lines.append(g.level[escalation.level])
    lines.extend(g.reasons[r] for r in escalation.reasons if r in g.reasons)
    if high_value and "vip_customer" not in escalation.reasons:
        lines.append(g.reasons["vip_customer"])
    if channel in g.channels:
        lines.append(g.channels[channel])
    if has_pii:
        lines.append(g.pii)
    if unsafe_fields:
        lines.append(g.unsafe_fields)
    if situation in g.situations:
        lines.append(g.situations[situation])
    if intent in g.intents:
        lines.append(g.intents[intent])
    return list(dict.fromkeys(lines))[:limit]
