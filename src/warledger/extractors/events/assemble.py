"""From triggers to candidates: roles, guards, grouping per sentence and the ACLED family label."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from warledger.extractors.context import Context
from warledger.extractors.events.candidate import UNREST_TYPES, VIOLENCE_TYPES, Candidate
from warledger.extractors.events.classify import classify, classify_unrest
from warledger.extractors.events.fillers import MentionIndex, participant_class, resolve
from warledger.extractors.events.lexicon import token_keys
from warledger.extractors.events.modality import is_negated, is_speculative
from warledger.extractors.events.role_rules import roles_for
from warledger.extractors.events.roles import (
    LIGHT_VERBS,
    OBJECTS,
    PASSIVE_SUBJECTS,
    ROLE_NAMES,
    SUBJECTS,
    Roles,
)
from warledger.extractors.events.triggers import Trigger, find_triggers
from warledger.extractors.events.vocabulary import vocabulary

PREFIX = re.compile(r"^\s*([A-Z][A-Za-z /-]{2,45}):\s")
ABSORBED_BY_UNREST = VIOLENCE_TYPES | {"ARREST", "LOOTING", "ABDUCTION"}
PRONOUNS = {"they", "them", "he", "him", "she", "her", "it", "who", "which", "those", "these"}


def _classes(
    roles: Roles, ctx: Context, actors: MentionIndex, kinds: dict[int, str]
) -> dict[int, str]:
    classes: dict[int, str] = {}
    by_id = {a.id: a.kind for a in ctx.actors}
    for role in ("agent", "patient", "partner", "beneficiary"):
        for token in getattr(roles, role):
            actor_id = resolve(token, actors)
            if actor_id and actor_id in by_id:
                kinds[token.i] = by_id[actor_id]
            found = participant_class(token, ctx, actor_id)
            if found:
                classes[token.i] = found
    return classes


def _guards(trigger: Trigger, doc: Doc) -> list[str | None]:
    """The guards of every vocabulary entry naming these words with this type: a word listed
    under two guards ("explosion": conflict words, or a monitor's observation) passes either."""
    size = trigger.end - trigger.start
    entries = [
        e
        for key in token_keys(doc[trigger.start])
        for e in vocabulary().triggers.get(key, ())
        if e.type == trigger.type and len(e.words) == size
    ]
    guards: list[str | None] = [trigger.guard]
    guards.extend(e.guard for e in entries if e.guard not in guards)
    return guards


def _aimed(trigger: Trigger, doc: Doc) -> bool:
    """ "fired [with unspecified weapons] on the positions of", "fired mortar rounds": the verb
    has a target or a projectile (typing.yaml aimed_fire)."""
    spec = vocabulary().aimed_fire
    verb = doc[trigger.head]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in spec["targets"]:
            objects = [o for o in child.children if o.dep_ == "pobj"]
            if not any(o.ent_type_ in {"DATE", "TIME"} for o in objects):
                return True  # "on the positions of", not "on Monday"
        if child.dep_ in OBJECTS and child.lemma_.lower() in spec["projectiles"]:
            return True
    return False


def _guard_ok(trigger: Trigger, sentence: SpacySpan, roles: Roles, classes: dict[int, str]) -> bool:
    return any(
        _one_guard_ok(trigger, guard, sentence, roles, classes)
        for guard in _guards(trigger, sentence.doc)
    )


def _one_guard_ok(
    trigger: Trigger,
    guard: str | None,
    sentence: SpacySpan,
    roles: Roles,
    classes: dict[int, str],
) -> bool:
    if guard is None:
        return True
    vocab = vocabulary()
    doc = sentence.doc
    agents = {classes[t.i] for t in roles.agent if t.i in classes}
    patients = {classes[t.i] for t in roles.patient if t.i in classes}
    if guard == "aimed_fire":
        return _aimed(trigger, doc)
    if guard == "demand_words" and "armed" in agents:
        return False  # "police blocked the road": a security measure, not a protest
    if guard == "conflict_words" and {"armed", "civilian"} & set(classes.values()):
        return True
    if guard == "conflict_words" and patients and trigger.pos == "verb":
        return True  # "villagers assaulted a shopkeeper": a person attacked, whoever attacks
    if guard == "force_words" and "armed" in classes.values():
        return True
    if guard == "protest_words" and "unarmed_group" in classes.values():
        return True
    outside = [
        t for t in sentence if not (trigger.start <= t.i < trigger.end) and t.ent_type_ != "DATE"
    ]
    if doc[trigger.head].ent_type_ in {"DATE", "PERSON", "ORG", "WORK_OF_ART", "EVENT"}:
        return False
    return vocab.lexicons[guard].any_in(outside)


def _retype_light_verbs(triggers: list[Trigger], doc: Doc) -> list[Trigger]:
    """A verb trigger whose object is a noun trigger takes the noun's type ("brought
    reinforcements"); a noun that is the object of a violent verb is its target, not an event
    ("ambushed a patrol", "attacked a convoy")."""
    by_head = {t.head: t for t in triggers}
    targets: set[int] = set()
    out = []
    for trigger in triggers:
        for child in doc[trigger.head].children:
            noun = by_head.get(child.i)
            if (
                child.dep_ not in OBJECTS
                or noun is None
                or noun.pos != "noun"
                or noun.type == trigger.type
            ):
                continue
            light = doc[trigger.head].lemma_.lower() in LIGHT_VERBS or trigger.type == "DEPLOY"
            if light and not (trigger.type in VIOLENCE_TYPES and noun.type in VIOLENCE_TYPES):
                trigger = Trigger(
                    trigger.start, trigger.end, trigger.head, noun.type, trigger.pos, None, ()
                )
            elif not (trigger.type in VIOLENCE_TYPES and noun.type in VIOLENCE_TYPES):
                targets.add(noun.head)
            break
        out.append(trigger)
    return [t for t in out if t.head not in targets]


def _weapon_objects(verb: Token) -> list[Token]:
    """The weapons a verb's object (or passive subject) names: "recovered 40 crude bombs",
    "defused two IEDs and a grenade", "found a cache of explosives" (typing.yaml
    `disrupted_weapons`)."""
    spec = vocabulary().disrupted
    heads = [c for c in verb.children if c.dep_ in OBJECTS | PASSIVE_SUBJECTS]
    for head in list(heads):
        heads.extend(t for t in head.subtree if t.dep_ == "conj" and t.head.i != verb.i)
    found: list[Token] = []
    for head in heads:
        if head.lower_ in spec["containers"] or head.lemma_.lower() in spec["containers"]:
            found.extend(
                obj
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for obj in prep.children
                if obj.dep_ == "pobj"
            )
        found.append(head)
    weapons = [
        t for t in found if t.lower_ in spec["objects"] or t.lemma_.lower() in spec["objects"]
    ]
    if any(t.lemma_.lower() in spec["went_off"] for w in weapons for t in w.subtree if t.i != w.i):
        return []
    return weapons


def _state_subject(verb: Token) -> bool:
    state = vocabulary().lexicons["state_words"]
    return any(
        state.any_in(list(c.subtree)[:10]) for c in verb.children if c.dep_ in SUBJECTS | {"agent"}
    )


def _retype_disrupted(triggers: list[Trigger], doc: Doc) -> list[Trigger]:
    """Weapons seized, found, defused or destroyed are disrupted weapons use, done by the verb's
    subject ("police recovered 40 crude bombs"); the weapon nouns under the verb, and any other
    trigger at the verb ("destroyed" as looting), give way to it."""
    spec = vocabulary().disrupted
    added: list[Trigger] = []
    covered: set[int] = set()
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma not in spec["verbs"] | spec["state_verbs"]:
            continue
        weapons = _weapon_objects(token)
        if not weapons or (lemma in spec["state_verbs"] and not _state_subject(token)):
            continue
        added.append(Trigger(token.i, token.i + 1, token.i, "WEAPONS_SEIZED", "verb"))
        covered.add(token.i)
        for weapon in weapons:
            covered.add(weapon.i)
            covered.update(c.i for c in weapon.children if c.dep_ in {"compound", "amod", "nummod"})
    if not added:
        return triggers
    kept = [t for t in triggers if t.head not in covered and t.start not in covered]
    return sorted(kept + added, key=lambda t: (t.start, t.end))


def _is_purpose(token: Token, heads: dict[int, str]) -> bool:
    """An infinitive of purpose under a force-generation trigger ("sent ... to fight")."""
    if token.dep_ not in {"advcl", "xcomp", "acl"}:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    return heads.get(token.head.i) in {"DEPLOY", "RECRUIT", "TRAIN", "PAY", "FORCE_MOVEMENT"}


def _disambiguate(trigger: Trigger, sentence: SpacySpan) -> Trigger:
    """Words that name two types ("strike": air strike or labour strike) are settled by context."""
    if not trigger.alternatives:
        return trigger
    labour = vocabulary().lexicons["labour_words"].any_in(list(sentence))
    choice = trigger.type
    if "PROTEST" in trigger.alternatives and labour:
        choice = "PROTEST"
    elif trigger.type == "PROTEST" and not labour:
        choice = next(iter(trigger.alternatives))
    if choice == trigger.type:
        return trigger
    doc = sentence.doc
    entries = [
        e for key in token_keys(doc[trigger.start]) for e in vocabulary().triggers.get(key, ())
    ]
    guard = next(
        (
            e.guard
            for e in entries
            if e.type == choice and len(e.words) == trigger.end - trigger.start
        ),
        None,
    )
    return Trigger(trigger.start, trigger.end, trigger.head, choice, trigger.pos, guard, ())


def _own_clause(grouped: Roles, roles: Roles) -> bool:
    """A trigger (not of violence or unrest, which pool their sentence's mentions) whose own
    clause names other people moved by another agent is another event:
    in "rebels have been flown to Libya ..., even as Turkey has sent Syrian fighters to ...", the
    sending is Turkey's, the flight is not (the two clauses' roles are not pooled)."""
    return (
        bool(grouped.patient and roles.patient and roles.agent)
        and not set(grouped.patient) & set(roles.patient)
        and not set(grouped.agent) & set(roles.agent)
    )


def _group(
    items: list[tuple[Trigger, Roles, dict[int, str]]], sentence: SpacySpan
) -> list[Candidate]:
    has_unrest = any(t.type in UNREST_TYPES for t, _, _ in items)
    has_violence = any(t.type in VIOLENCE_TYPES for t, _, _ in items)
    groups: dict[str, Candidate] = {}
    for trigger, roles, classes in items:
        key = trigger.type
        if trigger.type in VIOLENCE_TYPES or (trigger.type == "LOOTING" and has_violence):
            key = "VIOLENCE"
        if has_unrest and (trigger.type in UNREST_TYPES or trigger.type in ABSORBED_BY_UNREST):
            key = "UNREST"
        candidate = groups.get(key)
        if candidate is not None and key == trigger.type and _own_clause(candidate.roles, roles):
            key = f"{key}#{len(groups)}"
            candidate = None
        if candidate is None:
            groups[key] = Candidate(
                type=trigger.type,
                triggers=[trigger],
                sentence=sentence,
                roles=roles,
                classes=classes,
            )
        else:
            candidate.triggers.append(trigger)
            candidate.roles.absorb(roles)
            candidate.classes.update(classes)
            if trigger.type in UNREST_TYPES and candidate.type not in UNREST_TYPES:
                candidate.type = trigger.type
    return list(groups.values())


def _paragraph_after(sentence: SpacySpan, limit: int = 3) -> list[Token]:
    """Tokens of the following sentences in the same paragraph (for protest outcomes)."""
    doc = sentence.doc
    out: list[Token] = []
    i = sentence.end
    while i < len(doc) and limit > 0:
        token = doc[i]
        if token.is_space and "\n\n" in token.text:
            break
        out.append(token)
        if token.is_sent_end:
            limit -= 1
        i += 1
    return out


def family_prefix(text: str) -> tuple[str, int] | None:
    """The event type named by an ACLED family label opening the text, and where the label ends."""
    match = PREFIX.match(text)
    if not match:
        return None
    found = vocabulary().family_prefixes.get(match.group(1).strip().lower())
    return (found, match.end()) if found else None


def _apply_prefix(
    ctx: Context, candidates: list[Candidate], kinds: dict[int, str]
) -> list[Candidate]:
    prefix = family_prefix(ctx.text)
    if prefix is None:
        return candidates
    type_, end = prefix
    doc = ctx.doc
    first_sentence = next((s for s in doc.sents if s.end_char > end), None)
    if first_sentence is None:
        return candidates
    in_first = [c for c in candidates if c.sentence.start == first_sentence.start]
    chosen = next((c for c in in_first if c.type == type_), None) or (
        in_first[0] if in_first else None
    )
    if chosen is None:
        root = first_sentence.root
        roles = roles_for(root, type_)
        chosen = Candidate(
            type=type_,
            triggers=[Trigger(root.i, root.i + 1, root.i, type_, "verb")],
            sentence=first_sentence,
            roles=roles,
        )
        candidates.insert(0, chosen)
    else:
        # The label names the note's event: other readings of the same sentence are dropped.
        candidates = [chosen] + [c for c in candidates if c.sentence.start != first_sentence.start]
    chosen.type, chosen.sub_event_type = type_, None
    chosen.negated = False  # the coder's label says it happened ("prevented a patrol" is the event)
    if type_ == "PROTEST":
        classify_unrest(chosen)
    if type_ == "ARREST":
        classify(chosen, kinds)
    return candidates


def _pronominal(token: Token) -> bool:
    """ "they", or a part of them: "about 350 of them"."""
    if token.lower_ in PRONOUNS:
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ in PRONOUNS for o in c.children)
        for c in token.children
    )


def _carry_pronouns(candidates: list[Candidate], ctx: Context, actors: MentionIndex) -> None:
    """ "They were recruited by ...": an unresolved pronoun stands for the previous event's people."""
    previous: Candidate | None = None
    for candidate in candidates:
        for role in ("agent", "patient"):
            fillers = getattr(candidate.roles, role)
            for k, token in enumerate(fillers):
                if (
                    token.lower_ in PRONOUNS
                    and resolve(token, actors) is None
                    and previous is not None
                ):
                    carried = previous.roles.patient or previous.roles.agent
                    if token.lower_ in {"he", "him", "she", "her"}:
                        carried = previous.roles.agent
                    if carried:
                        fillers[k] = carried[0]
        previous = candidate


def build_candidates(ctx: Context) -> list[Candidate]:
    doc = ctx.doc
    actors = MentionIndex.of(ctx.actors)
    kinds: dict[int, str] = {}
    by_sentence: dict[int, list[tuple[Trigger, Roles, dict[int, str]]]] = {}
    sentences = {s.start: s for s in doc.sents}
    triggers = find_triggers(doc)
    triggers = _retype_light_verbs(triggers, doc)
    triggers = _retype_disrupted(triggers, doc)
    heads = {t.head: t.type for t in triggers}
    for trigger in triggers:
        sentence = doc[trigger.head].sent
        if trigger.pos == "verb" and doc[trigger.head].dep_ == "amod":
            continue  # "regime-controlled areas", "a Turkish-backed faction": a description
        if _is_purpose(doc[trigger.head], heads):
            continue  # "flown to Libya to fight for Haftar": the fight is the deployment's purpose
        trigger = _disambiguate(trigger, sentence)
        roles = roles_for(doc[trigger.head], trigger.type, doc[trigger.end - 1])
        classes = _classes(roles, ctx, actors, kinds)
        if not _guard_ok(trigger, sentence, roles, classes):
            continue
        by_sentence.setdefault(sentence.start, []).append((trigger, roles, classes))
    candidates: list[Candidate] = []
    disasters = vocabulary().lexicons["disaster_words"]
    for start in sorted(by_sentence):
        sentence = sentences[start]
        for candidate in _group(by_sentence[start], sentence):
            if (
                candidate.trigger_types() & VIOLENCE_TYPES
                and "armed" not in candidate.classes.values()
                and disasters.any_in(list(sentence))
            ):
                continue  # "killed in the earthquake", "the tsunami which killed 30,000"
            if candidate.trigger_types() & UNREST_TYPES:
                candidate.context = _paragraph_after(sentence)
            classify(candidate, kinds)
            head = candidate.head
            candidate.negated = all(is_negated(doc[t.head]) for t in candidate.triggers)
            candidate.speculative = is_speculative(head)
            candidates.append(candidate)
    candidates = _apply_prefix(ctx, candidates, kinds)
    _carry_pronouns(candidates, ctx, actors)
    return candidates


__all__ = ["ROLE_NAMES", "build_candidates", "family_prefix"]
