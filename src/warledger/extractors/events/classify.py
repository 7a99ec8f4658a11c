"""Typing refinements an ACLED coder applies, driven by the word lists of typing.yaml.

Violence is typed by instrument (IED, air strike, shelling), then by participants (armed against
armed is a CLASH, against civilians an ATTACK, unarmed crowds a RIOT); protests by what happened
around them; arrests by non-state armed groups are abductions; seizures by what was seized.
"""

from __future__ import annotations

from spacy.tokens import Token

from warledger.extractors.events.candidate import UNREST_TYPES, VIOLENCE_TYPES, Candidate
from warledger.extractors.events.lexicon import Lexicon
from warledger.extractors.events.vocabulary import vocabulary

# Words that introduce a protest's reason: violence inside them did not happen at the protest.
REASON_HEADS = {
    "against",
    "over",
    "demand",
    "demanding",
    "protest",
    "protesting",
    "following",
    "after",
    "condemn",
    "denounce",
    "for",
    "about",
    "regarding",
    "of",
    "seek",
    "call",
    "since",
    "before",
    "because",
    "urge",
    "ask",
    "appeal",
}


def _lex(name: str) -> Lexicon:
    return vocabulary().lexicons[name]


def _in_reason(token: Token, stop: Token) -> bool:
    """True when the token sits inside a phrase that gives the protest's reason."""
    node = token
    for _ in range(12):
        if node.i == stop.i or node.head.i == node.i:
            return False
        if node.lower_ in REASON_HEADS or node.lemma_.lower() in REASON_HEADS:
            return True
        node = node.head
    return False


def _negated(token: Token) -> bool:
    verb = token if token.pos_ in {"VERB", "AUX"} else token.head
    return any(c.dep_ == "neg" for c in verb.children)


def _found(lexicon: Lexicon, tokens: list[Token], stop: Token | None = None) -> bool:
    for start, _end in lexicon.find(tokens):
        if _negated(tokens[start]):
            continue  # "they did not intervene"
        if stop is None or not (
            _in_reason(tokens[start], stop) or _in_relative_clause(tokens[start], stop)
        ):
            return True
    return False


def _blocked(tokens: list[Token]) -> set[int]:
    blocked: set[int] = set()
    for start, end in _lex("instrument_blockers").find(tokens):
        blocked.update(t.i for t in tokens[start:end])
    return blocked


def instrument_of(tokens: list[Token]) -> tuple[str, str | None] | None:
    """The strongest instrument named in the tokens: (type, ACLED sub-type). A word inside a
    longer instrument phrase of another entry is that phrase ("grenade launcher", "rocket-propelled
    grenade")."""
    blocked = _blocked(tokens)
    found: list[tuple[int, int, int]] = []
    for n, instrument in enumerate(vocabulary().instruments):
        if instrument.requires and not _lex(instrument.requires).any_in(tokens):
            continue
        for start, end in instrument.words.find(tokens):
            if not any(t.i in blocked for t in tokens[start:end]):
                found.append((n, start, end))
    kept = [
        (n, start, end)
        for n, start, end in found
        if not any(s2 <= start and end <= e2 and e2 - s2 > end - start for _, s2, e2 in found)
    ]
    if not kept:
        return None
    best = vocabulary().instruments[min(n for n, _, _ in kept)]
    return best.type, best.sub_event_type


def _agent_words(candidate: Candidate, lexicon: Lexicon) -> bool:
    return any(lexicon.any_in(list(token.subtree)[:12]) for token in candidate.roles.agent)


def _instrument_scope(c: Candidate) -> list[Token]:
    """The sentence without what was hit ("shot down a drone") or merely around ("amid drones")."""
    skip: set[int] = set()
    firing = vocabulary().aimed_fire["firing_verbs"]
    for patient in c.roles.patient:
        object_ = patient
        while object_.dep_ == "conj" and object_.head.i != object_.i:
            object_ = object_.head
        if object_.dep_ == "dobj" and object_.head.lemma_.lower() in firing:
            continue  # "fired mortars", "launched rockets": what was fired is the instrument
        skip.update(t.i for t in patient.subtree)
    for token in c.sentence:
        if token.lower_ in {"amid", "despite", "during"} and token.dep_ == "prep":
            skip.update(t.i for t in token.subtree)
    for trigger in c.triggers:
        skip.difference_update(range(trigger.start, trigger.end))
    return [t for t in c.sentence if t.i not in skip]


def _crowd(c: Candidate, role: str) -> bool:
    """An unorganised group of people: villagers, workers, supporters ("a group of villagers",
    "two groups of fishermen", "an angry mob"), not one person and not an armed force."""
    classes = c.class_of(role)
    mob = _lex("mob_words")
    if "armed" not in classes and any(
        mob.any_in(list(token.subtree)[:12]) for token in getattr(c.roles, role)
    ):
        return True
    if not classes or not classes <= {"unarmed_group", "civilian"}:
        return False
    return any(
        t.tag_ in {"NNS", "NNPS"} or t.lemma_.lower() in {"group", "crowd", "mob"}
        for t in getattr(c.roles, role)
    )


def _police_against_crowd(c: Candidate) -> bool:
    """A fight whose only armed side is the police and whose other side is a crowd of unarmed
    people ("a clash erupted between police and shopkeepers", "villagers clashed with police")."""
    fillers = [t for role in ("agent", "patient", "partner") for t in getattr(c.roles, role)]
    armed = [t for t in fillers if c.classes.get(t.i) == "armed"]
    police = _lex("police_words")
    if not armed or not all(police.any_in(list(t.subtree)[:6]) for t in armed):
        return False
    return any(
        c.classes.get(t.i) in {"unarmed_group", "civilian"}
        and (t.tag_ in {"NNS", "NNPS"} or t.lemma_.lower() in {"group", "crowd", "mob"})
        for t in fillers
    )


def classify_violence(c: Candidate) -> None:
    tokens = _instrument_scope(c)
    types = c.trigger_types()
    instrument = instrument_of(tokens)
    agents = c.class_of("agent")
    opponents = c.class_of("patient") | c.class_of("partner")
    firearms = _lex("firearm_words").any_in(list(c.sentence))
    crowd = (agents == {"unarmed_group"} or _crowd(c, "agent")) and "armed" not in agents
    lynching = any(c.sentence.doc[t.head].lemma_.lower() == "lynch" for t in c.triggers)
    unarmed_sides = (
        "CLASH" in types
        and (agents | opponents)
        and (agents | opponents) <= {"unarmed_group", "civilian"}
        and (_crowd(c, "agent") or _crowd(c, "partner") or _crowd(c, "patient"))
    )
    if instrument and instrument[0] == "CLASH":
        instrument = None  # small arms: the participants decide (typing.yaml instruments)
    if instrument and not ("CLASH" in types and instrument[0] == "SHELLING"):
        c.type, c.sub_event_type = instrument
    elif lynching or (crowd and not firearms):
        # ACLED: violence by an unorganised crowd is mob violence, against police too; a group
        # that fights with guns is organised and armed
        c.type, c.sub_event_type = "RIOT", "Mob violence"
    elif unarmed_sides and not firearms:
        c.type, c.sub_event_type = "RIOT", "Mob violence"  # "two groups of villagers clashed"
    elif "CLASH" in types and not firearms and _police_against_crowd(c):
        # ACLED: a crowd fighting the police without guns is mob violence, not an armed clash
        c.type, c.sub_event_type = "RIOT", "Mob violence"
    elif "CLASH" in types or ("armed" in opponents and "civilian" not in opponents):
        c.type = "CLASH"
    else:
        c.type = "ATTACK"


def _outcome_sentences(c: Candidate) -> list[Token]:
    """The context sentences that tell what happened to this protest: they name the protesters,
    the protest or the security forces ("Police dispersed the crowd", "They were detained",
    "The police intervened") and do not move on to a later
    time ("were detained later, after the protest had ended"). "The blogger was arrested" tells the
    grievance, not the outcome."""
    sentences: dict[int, list[Token]] = {}
    for token in c.context:
        sentences.setdefault(token.sent.start, []).append(token)
    out: list[Token] = []
    for tokens in sentences.values():
        about = _lex("protest_referents").any_in(tokens) or _lex("state_words").any_in(tokens)
        if about and not _lex("after_protest_words").any_in(tokens):
            out.extend(tokens)
    return out


def _in_relative_clause(token: Token, stop: Token, background: bool = False) -> bool:
    """ "the jail, where a riot broke out last year": a description, not what happened. With
    `background`, only a clause about a place or another time counts ("fans who rioted" is what
    the fans did)."""
    node = token
    for _ in range(12):
        if node.i == stop.i or node.head.i == node.i:
            return False
        if node.dep_ == "relcl":
            return not background or any(
                c.lower_ in {"where", "when", "which"} or c.ent_type_ == "DATE"
                for c in node.subtree
            )
        node = node.head
    return False


def _live_riot(c: Candidate) -> bool:
    """A riot trigger that is not the protest's reason or background ("after the riot in the
    prison last month", "the jail where a riot broke out")."""
    doc = c.sentence.doc
    stop = c.head
    return any(
        t.type == "RIOT"
        and (
            doc[t.head].i == stop.i
            or not (_in_reason(doc[t.head], stop) or _in_relative_clause(doc[t.head], stop, True))
        )
        for t in c.triggers
    )


def classify_unrest(c: Candidate) -> None:
    """Peaceful, with intervention, with excessive force, or a riot, from what the note says
    happened at the protest (its sentence and the sentences after it that speak of it)."""
    stop = c.head
    sentence = list(c.sentence)
    around = sentence + _outcome_sentences(c)
    killed = _found(_lex("excessive_force_words"), around, stop)
    security = _found(_lex("state_words"), around, stop) or _found(
        _lex("intervention_words"), around, stop
    )
    riot = _live_riot(c)
    if riot and _lex("mob_words").any_in(sentence):
        c.type, c.sub_event_type = "RIOT", "Mob violence"
    elif riot or _found(_lex("violent_protest_words"), sentence, stop):
        # the demonstrators' own violence makes a riot, even when the police killed some of them
        c.type, c.sub_event_type = "RIOT", "Violent demonstration"
    elif killed and security:
        c.type, c.sub_event_type = "PROTEST", "Excessive force against protesters"
    elif _found(_lex("intervention_words"), around, stop):
        c.type, c.sub_event_type = "PROTEST", "Protest with intervention"
    else:
        c.type, c.sub_event_type = "PROTEST", "Peaceful protest"


def _is_state(c: Candidate, role: str, kinds: dict[int, str]) -> bool | None:
    tokens = getattr(c.roles, role)
    if not tokens:
        return None
    vocab = vocabulary()
    for token in tokens:
        kind = kinds.get(token.i)
        words = list(token.subtree)[:10]
        if kind in vocab.kind_classes["non_state"] or _lex("non_state_words").any_in(words):
            return False
        if kind in vocab.kind_classes["state"] or _lex("state_words").any_in(words):
            return True
    return None


def classify_seizure(c: Candidate, kinds: dict[int, str]) -> None:
    """capture/seize/take control: what was taken decides the type."""
    patients = c.roles.patient
    words = [t for p in patients for t in list(p.subtree)[:8]]
    if words and _lex("weapon_words").any_in(words):
        c.type = "WEAPONS_SEIZED"
    elif c.class_of("patient") & {"civilian", "armed"} and not _lex("territory_words").any_in(
        words
    ):
        c.type = "ARREST"
    elif (
        c.type == "LOOTING"
        or (words and not _lex("territory_words").any_in(words) and not c.roles.location)
        or (words and _lex("goods_words").any_in(words))
    ):
        # ACLED: goods seized or destroyed (drugs, contraband, vehicles) are property, not land
        c.type = "LOOTING"
    else:
        c.type = "TERRITORY_TAKEN"
        state = _is_state(c, "agent", kinds)
        c.sub_event_type = (
            "Government regains territory" if state else "Non-state actor overtakes territory"
        )


def _seizure(c: Candidate) -> bool:
    doc = c.sentence.doc
    return any(
        doc[t.head].lemma_.lower() in {"seize", "confiscate", "capture", "take"} for t in c.triggers
    )


def classify(c: Candidate, kinds: dict[int, str]) -> None:
    """Settle the candidate's type and ACLED sub-type. `kinds`: filler token index -> actor kind."""
    types = c.trigger_types()
    if types & UNREST_TYPES:
        classify_unrest(c)
    elif types & VIOLENCE_TYPES:
        classify_violence(c)
    elif (
        c.type in {"TERRITORY_TAKEN", "LOOTING"}
        and any(
            t.lemma_.lower() in {"seize", "confiscate", "capture", "take"}
            for t in (c.sentence.doc[x.head] for x in c.triggers)
        )
        or c.type == "TERRITORY_TAKEN"
    ):
        classify_seizure(c, kinds)
    if c.type == "ARREST" and _is_state(c, "agent", kinds) is False:
        c.type = "ABDUCTION"
