"""An event being assembled: its triggers in one sentence, their roles and what typing decided."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from warledger.extractors.events.roles import Roles
from warledger.extractors.events.triggers import Trigger

VIOLENCE_TYPES = frozenset({"VIOLENCE", "CLASH", "ATTACK", "AIR_STRIKE", "SHELLING", "EXPLOSIVE"})
UNREST_TYPES = frozenset({"PROTEST", "RIOT"})


@dataclass
class Candidate:
    type: str
    triggers: list[Trigger]
    sentence: SpacySpan
    roles: Roles = field(default_factory=Roles)
    classes: dict[int, str] = field(default_factory=dict)
    """Token index of a role filler -> armed, civilian or unarmed_group."""
    sub_event_type: str | None = None
    negated: bool = False
    speculative: bool = False
    context: list[Token] = field(default_factory=list)
    """Tokens that typing may read beyond the sentence (the rest of the paragraph for protests)."""

    @property
    def head(self) -> Token:
        doc = self.sentence.doc
        heads = [doc[t.head] for t in self.triggers]
        return min(heads, key=_depth)

    def trigger_types(self) -> set[str]:
        return {t.type for t in self.triggers}

    def class_of(self, role: str) -> set[str]:
        return {self.classes[t.i] for t in getattr(self.roles, role) if t.i in self.classes}


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def is_toll_only(c: Candidate) -> bool:
    """A violent sentence that only reports casualties ("Two civilians were killed.")."""
    from warledger.extractors.events.vocabulary import vocabulary

    if c.type not in VIOLENCE_TYPES or c.roles.agent:
        return False
    tolls = vocabulary().lexicons["casualty_triggers"]
    doc = c.sentence.doc
    return all(tolls.match_at(doc, t.start) for t in c.triggers)
