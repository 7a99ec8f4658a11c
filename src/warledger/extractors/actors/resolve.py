"""Who each mention is: the ordered resolution rules of actors/data/coref.yaml.

Named mentions are resolved first (knowledge base, abbreviations in brackets, acronyms, surnames),
then every other mention in document order (described collectives, definite descriptions,
pronouns), so that "the group" and "they" can look back at what came before.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from warledger.extractors.actors.mentions import Mention
from warledger.extractors.actors.records import FORCES, Record, Registry
from warledger.extractors.actors.vocabulary import Vocabulary
from warledger.extractors.context import Context
from warledger.kb.groups import group_named
from warledger.kb.model import KnowledgeBase, alias_key

ARMED_KINDS = {
    "military",
    "armed_group",
    "militia",
    "pmc",
    "fighters",
    "police",
    "intelligence",
    "unidentified_armed_group",
}
GROUP_KINDS = ARMED_KINDS | {
    "government",
    "political_party",
    "ngo",
    "international_org",
    "media",
    "company",
    "other",
}
FUNCTION_WORDS = {"of", "the", "and", "for", "al", "el", "de", "in", "on", "&"}
COLLECTIVE_TEMPLATES = {"civilians", "protesters", "rioters"}
LEADING = {"LEADS"}


class Resolver:
    def __init__(
        self,
        ctx: Context,
        kb: KnowledgeBase,
        vocab: Vocabulary,
        country: str | None,
        on: date | None,
    ):
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.kb = kb
        self.vocab = vocab
        self.country = country
        self.home = country
        """Where the document's places are: whose "regime" or "government forces" they are."""
        self.registry = Registry(ctx, kb, on)
        self.on = on
        self.at_head: dict[int, Record] = {}
        self.by_head: dict[int, Mention] = {}
        self.ent_root = {i: ent.root.i for ent in ctx.doc.ents for i in range(ent.start, ent.end)}

    def run(self, named: list[Mention], others: list[Mention]) -> Registry:
        for mention in named:
            self.by_head[mention.head] = mention
        for mention in others:
            self.by_head.setdefault(mention.head, mention)
        for mention in named:
            self._attach(mention, self._named(mention))
        for mention in sorted(others, key=lambda m: (m.start, m.head)):
            if mention.head not in self.at_head:
                self._attach(mention, self.resolve(mention))
        return self.registry

    def _attach(self, mention: Mention, record: Record | None) -> None:
        if record is None:
            return
        self.at_head[mention.head] = record
        start = self.doc[mention.start].idx
        last = self.doc[mention.end - 1]
        surface = None if mention.source == "pronoun" else mention.text
        self.registry.attach(record, mention.head, start, last.idx + len(last.text), surface)
        if mention.role and record.actor.role is None and record.actor.kind == "person":
            record.actor.role = mention.role
        if mention.plural:
            record.plural = True

    def resolve(self, mention: Mention) -> Record | None:
        if mention.source == "description":
            return self._description(mention)
        if mention.source == "pronoun":
            return self._pronoun(mention)
        return self._described(mention)

    def record_at(self, head: int) -> Record | None:
        """The record of the mention whose head is token `head`, resolving it first if needed."""
        if head in self.at_head:
            return self.at_head[head]
        mention = self.by_head.get(head)
        if mention is None:
            root = self.ent_root.get(head)
            return self.at_head.get(root) if root is not None else None
        record = self.resolve(mention)
        self._attach(mention, record)
        return record

    # Named mentions -------------------------------------------------------------------------

    def _named(self, mention: Mention) -> Record | None:
        registry = self.registry
        if mention.kb is not None:
            person = mention.kb.kind == "person"
            found = [a for a in self.kb.lookup(mention.text) if (a.kind == "person") == person]
            chosen = self.kb.choose(mention.text, found, self.home or self.country)
            if chosen is not None and chosen.id != mention.kb.id:  # "SNA" in Somalia coverage
                mention = replace(mention, kb=chosen, kind=chosen.kind, country=chosen.country)
        if mention.kb is not None and mention.kind == "government" and mention.forces_of:
            record = self._government_forces(mention)
        elif mention.kb is not None and mention.forces_of and mention.kb.kind == "person":
            record = self._led_by(mention.kb.id) or registry.kb_actor(mention.kb)
        elif mention.kb is not None and mention.kind != "state":
            record = registry.kb_actor(mention.kb)
        elif mention.kind == "state" and mention.country:
            record = registry.state(mention.country)
        elif mention.kind == "person":
            record = self._person(mention)
        else:
            record = self._organisation(mention)
        if mention.label == "ORG":
            self._bracketed_abbreviation(mention, record)
        return record

    def _kb_forces(self, government_id: str | None) -> Record | None:
        """The forces of a KB government: the KB actor PART_OF it with an armed kind."""
        for actor in self.kb.actors.values():
            if actor.kind in ARMED_KINDS and any(
                t.type == "PART_OF" and t.target == government_id for t in actor.ties
            ):
                return self.registry.kb_actor(actor)
        return None

    def _government_forces(self, mention: Mention) -> Record:
        """The forces of a KB government: the KB actor PART_OF it with a military kind."""
        government = mention.kb
        assert government is not None
        forces = self._kb_forces(government.id)
        if forces is not None:
            return forces
        record = self.registry.kb_actor(government)
        return self.registry.other(
            ("forces_of", record.key), f"{government.name} forces", "military", government.country
        )

    def _person(self, mention: Mention) -> Record:
        tokens = tuple(mention.text.split())
        for record in self.registry.records:
            if record.actor.kind != "person" or record.actor.kb_id:
                continue
            known = record.name_tokens
            if _suffix(tokens, known) or _suffix(known, tokens):
                if len(tokens) > len(known):
                    record.actor.aliases.append(record.actor.name)
                    record.actor.name, record.name_tokens = mention.text, tokens
                return record
        return self.registry.other(("person", mention.text), mention.text, "person")

    def _organisation(self, mention: Mention) -> Record:
        key = ("org", alias_key(mention.text))
        if key in self.registry.by_key:
            return self.registry.by_key[key]
        text = mention.text
        if text.isupper() and 2 <= len(text) <= 6:
            for record in self.registry.records:
                if record.actor.kind in GROUP_KINDS and _initials(record.actor.name) == text:
                    self.registry.alias(key, record)
                    return record
        if mention.kind == "police" and self.country:
            # a police unit the knowledge base does not know ("the Tactical Section of the
            # Police"): ACLED codes it as the country's police
            return self.registry.force(self.country, "police", "police", "police")
        return self.registry.other(key, text, mention.kind)

    def _bracketed_abbreviation(self, mention: Mention, record: Record) -> None:
        """ "Government of National Accord (GNA)": the abbreviation names the same actor."""
        doc = self.doc
        if (
            mention.end + 2 < len(doc)
            and doc[mention.end].text == "("
            and doc[mention.end + 2].text == ")"
        ):
            abbreviation = doc[mention.end + 1].text
            if abbreviation.isupper() and len(abbreviation) >= 2:
                self.registry.alias(("org", alias_key(abbreviation)), record)

    # Described collectives ------------------------------------------------------------------

    def _described(self, mention: Mention) -> Record | None:
        spec = mention.spec
        if spec is None:
            return None
        registry = self.registry
        group = group_named(mention.group, self.home) if mention.group else None
        if group is not None:  # "Pokot raiders": Pokot Ethnic Militia (Kenya)
            return registry.group(group, group.country_for(mention.country or self.home))
        owner = (
            [a for a in self.kb.lookup(mention.owner) if a.kind != "person"]
            if mention.owner
            else []
        )
        if owner:  # "pro-Iran militias positions": the owner is a known actor
            return registry.kb_actor(owner[0])
        affiliated = self._affiliation(mention) if spec.armed else None
        if affiliated is not None:
            return affiliated
        if mention.asset and mention.affiliate is not None:
            return None  # "the al-Hawl camp": a name that is no actor owns nothing
        if mention.unidentified or spec.kind == "unidentified_armed_group":
            if spec.kind == "military":
                return registry.generic(
                    "unidentified_military_forces", None, "military", "unidentified military forces"
                )
            country = mention.country or self.country
            return registry.generic(
                "unidentified_armed_group",
                country,
                "unidentified_armed_group",
                "unidentified armed group",
            )
        if spec.kind == "militia" and mention.pro_government:
            return registry.generic(
                "militia_pro_government", None, "militia", "pro-government militia"
            )
        if spec.acled in FORCES:
            return self._state_force(mention, spec.acled)
        if spec.kind == "fighters" and mention.state_side and not mention.opposition:
            return self._state_force(replace(mention, spec=self.vocab.heads["soldier"]), "military")
        return self._collective(mention)

    def _affiliation(self, mention: Mention) -> Record | None:
        target: Record | None = None
        if mention.affiliate_pronoun:
            person = mention.affiliate_pronoun in self.vocab.pronouns["possessive_person"]
            target = self.registry.latest(
                mention.start,
                (lambda r: r.actor.kind == "person")
                if person
                else (lambda r: r.actor.kind in GROUP_KINDS | {"state"}),
            )
        elif mention.affiliate is not None and mention.affiliate != mention.head:
            target = self.record_at(mention.affiliate)
        if target is None:
            return None
        actor = target.actor
        if actor.kind == "person":
            led = self._led_by(actor.kb_id)
            if led is not None:
                return led
            return self.registry.other(
                ("forces_of", target.key), f"forces of {actor.name}", "armed_group", actor.country
            )
        if actor.kind == "state" and actor.country:
            return self.registry.force(actor.country, "military")
        if actor.kind == "government":
            forces = self._kb_forces(actor.kb_id)
            if forces is not None:
                return forces
            return self.registry.other(
                ("forces_of", target.key), f"{actor.name} forces", "military", actor.country
            )
        if actor.kind == "other":
            actor.kind = "armed_group"
        return target

    def _led_by(self, kb_id: str | None) -> Record | None:
        if not kb_id:
            return None
        person = self.kb.actor(kb_id)
        if person is None:
            return None
        ties = person.ties_on(self.on) if self.on else person.ties
        for tie in ties:
            led = self.kb.actor(tie.target)
            if tie.type in LEADING and led is not None and led.kind in ARMED_KINDS:
                return self.registry.kb_actor(led)
        return None

    def _state_force(self, mention: Mention, force: str) -> Record | None:
        spec = mention.spec
        assert spec is not None
        kind = spec.kind
        acled_force = force
        if (
            kind == "government" and force == "military"
        ):  # "the regime": ACLED codes its acts as the military
            force, acled_force = "government", "military"
        if mention.country:
            return self._unit(mention, mention.country) or self.registry.force(
                mention.country, force, kind, acled_force, mention.former
            )
        if mention.opposition or mention.backer:
            return self._collective(mention)
        if not mention.state_side:
            earlier = self.registry.latest(mention.start, lambda r: r.actor.kind == kind)
            if earlier is not None:
                return earlier
        if self.country is None and not mention.state_side and spec.needs_qualifier:
            return None
        country = self.home if mention.state_side else self.country
        return self._unit(mention, country) or self.registry.force(
            country, force, kind, acled_force, mention.former
        )

    def _unit(self, mention: Mention, iso3: str | None) -> Record | None:
        """A force the text calls by one of its state's unit phrases ("military police" in Brazil)."""
        country = self.kb.country(iso3) if iso3 else None
        unit = country.unit_in(mention.text) if country and country.acled_units else None
        actor = self.kb.actor(unit) if unit else None
        return self.registry.kb_actor(actor) if actor else None

    def _collective(self, mention: Mention) -> Record:
        spec = mention.spec
        assert spec is not None
        bare = not (
            mention.country
            or mention.origin
            or mention.former
            or mention.backer
            or mention.opposition
        )
        if bare and spec.kind not in COLLECTIVE_TEMPLATES:
            earlier = self.registry.latest(mention.start, lambda r: r.lemma == mention.lemma)
            if earlier is not None:
                return earlier
        template = spec.acled
        kind = spec.kind
        if mention.opposition and spec.armed:  # "opposition fighters / forces / factions"
            template, kind = "opposition_rebels", "fighters"
        if template == "opposition_rebels" and mention.former:
            template = "former_opposition_rebels"
        name = _described_name(mention)
        key = (
            "desc",
            kind,
            mention.lemma,
            mention.country,
            mention.origin,
            mention.former,
            mention.backer,
        )
        if template in COLLECTIVE_TEMPLATES:
            record = self.registry.generic(template, mention.country or self.country, kind, name)
        elif template and template not in FORCES and (mention.country or self.country):
            record = self.registry.other(key, name, kind, mention.country or self.country)
            if record.actor.acled_name is None:
                country = self.kb.country(mention.country or self.country or "")
                record.actor.acled_name = _generic(template, country)
        else:
            record = self.registry.other(key, name, kind, mention.country)
        record.lemma = mention.lemma
        return record

    # Definite descriptions and pronouns -----------------------------------------------------

    def _description(self, mention: Mention) -> Record | None:
        description = mention.description
        assert description is not None
        kinds = set(description.kinds)
        earlier = self.registry.latest(mention.start, lambda r: r.actor.kind in kinds)
        if earlier is not None:
            return earlier
        if description.fallback == "state_force" and self.country:
            force = "military" if mention.lemma in {"army", "military"} else "government"
            acled_force = "military" if mention.lemma == "regime" else force
            return self.registry.force(
                self.country,
                force,
                "military" if force == "military" else "government",
                acled_force,
            )
        if mention.spec is not None and not mention.spec.needs_qualifier:
            return self._described(mention)
        return None

    def _pronoun(self, mention: Mention) -> Record | None:
        if mention.antecedent is not None:  # "the ministry said it had ..."
            record = self.record_at(mention.antecedent)
            return record if record is not None and record.actor.kind != "person" else None
        if mention.kind == "person":
            return self.registry.latest(mention.start, lambda r: r.actor.kind == "person")
        return self.registry.latest(mention.start, lambda r: r.plural and r.actor.kind != "person")


def _suffix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return 0 < len(short) <= len(long) and long[-len(short) :] == short


def _initials(name: str) -> str:
    return "".join(
        w[0]
        for w in name.replace("-", " ").split()
        if w.lower() not in FUNCTION_WORDS and w[:1].isalpha()
    ).upper()


def _described_name(mention: Mention) -> str:
    words = mention.text.split()
    while words and (
        words[0].lower() in {"the", "a", "an", "some", "several", "many", "dozens", "hundreds"}
        or words[0][:1].isdigit()
    ):
        words = words[1:]
    return " ".join(words) or mention.text


def _generic(template: str, country: object) -> str | None:
    from warledger.kb.acled_names import generic_name

    try:
        return generic_name(template, country) if country is not None else None  # type: ignore[arg-type]
    except ValueError:
        return None
