"""Who did what to whom, from the dependency parse around a trigger (`roles_for`).

A role filler is a token (the head of a noun phrase); `fillers.py` turns fillers into actor and
place ids. The rules cover active and passive clauses, coordination, relative and participial
clauses, nominal triggers ("clashes between A and B", "Turkey's deployment of troops to Libya")
and nouns that are the object of a light verb ("launched an offensive on Tripoli")."""

from __future__ import annotations

from spacy.tokens import Token

from warledger.extractors.actors.vocabulary import vocabulary as actor_vocabulary
from warledger.extractors.events.roles import (
    BENEFICIARY,
    DEFENSIVE_VERBS,
    DESTINATION,
    LIGHT_VERBS,
    LOCATIVE,
    OBJECTS,
    OPPONENT,
    PARTNER,
    PASSIVE_SUBJECTS,
    RELATIVE_PRONOUNS,
    SUBJECTS,
    SYMMETRIC,
    TARGETED,
    Roles,
    coordinated,
    sides,
)
from warledger.extractors.events.vocabulary import vocabulary as event_vocabulary


def _pobjs(prep: Token) -> list[Token]:
    objs = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    for child in prep.children:  # "on the side of X", "on behalf of X"
        if child.dep_ == "prep":
            objs.extend(_pobjs(child))
    return objs


def _modifier_agents(noun: Token) -> list[Token]:
    """Who a noun's modifiers say did it: "Israeli airstrikes", "the regime's shelling" (not
    whose remains they are: "the victim's body", see `_remains_owners`)."""
    if _remains(noun):
        return []
    return [
        child
        for child in noun.children
        if child.dep_ == "poss"
        and child.tag_ not in {"PRP$"}
        or child.dep_ in {"amod", "compound"}
        and child.ent_type_ in {"NORP", "GPE", "ORG"}
    ]


def _remains(noun: Token) -> bool:
    return event_vocabulary().lexicons["remains_words"].match_at([noun], 0) > 0


def _remains_owners(noun: Token) -> list[Token]:
    """ "the victim's body", "a man's corpse": whose remains they are is who was killed."""
    if not _remains(noun):
        return []
    return [c for c in noun.children if c.dep_ == "poss" and c.tag_ != "PRP$"]


ASSET_PREPOSITIONS = {"in", "inside", "near"}


def _asset(token: Token) -> bool:
    """A thing a side owns (actors/data/actors.yaml heads marked asset): its owner is the target."""
    spec = actor_vocabulary().heads.get(token.lemma_.lower())
    return spec is not None and spec.asset


def _participle_targets(noun: Token) -> list[Token]:
    """Assets a participle describing the weapon names: "an IED planted in a JWS vehicle"."""
    return [
        obj
        for child in noun.children
        if child.dep_ in {"acl", "relcl"} and child.tag_ == "VBN"
        for prep in child.children
        if prep.dep_ == "prep" and prep.lower_ in ASSET_PREPOSITIONS
        for obj in _pobjs(prep)
        if _asset(obj)
    ]


def _participle_agents(noun: Token) -> list[Token]:
    """Who a participle describing a noun names with "by": "shells fired by LNA forces", "a
    landmine planted by an unknown armed group", "an attack carried out by IS"."""
    out: list[Token] = []
    for child in noun.children:
        if child.dep_ not in {"acl", "relcl"} or child.tag_ != "VBN":
            continue
        for grandchild in child.children:
            if grandchild.dep_ == "agent":
                out.extend(_pobjs(grandchild))
    return out


def _prep_roles(head: Token, roles: Roles, event_type: str, *, nominal: bool) -> None:
    for child in head.children:
        if child.dep_ == "agent":  # passive "by"
            for obj in _pobjs(child):
                roles.add("agent", obj)
            continue
        if child.dep_ not in {"prep", "dative"}:
            continue
        word = child.lower_
        objs = [o for o in child.children if o.dep_ in {"pobj", "pcomp"}] or (
            [child] if child.dep_ == "dative" and child.pos_ != "ADP" else []
        )
        if word == "between":
            members = [m for o in objs for m in sides(o)]
            if members:
                roles.add("agent", members[0], expand=False)
                for other in members[1:]:
                    roles.add("partner", other, expand=False)
        elif word == "by" and nominal:
            for obj in objs:
                roles.add("agent", obj)
        elif word in BENEFICIARY:
            for obj in objs:
                roles.add("beneficiary", obj)
        elif word == "on" and any(o.lower_ in {"side", "behalf"} for o in objs):
            for side in objs:
                for of in side.children:
                    if of.dep_ == "prep" and of.lower_ == "of":
                        for obj in of.children:
                            if obj.dep_ == "pobj":
                                roles.add("beneficiary", obj)
        elif word in PARTNER:
            for obj in objs:
                roles.add("partner" if event_type in SYMMETRIC else "patient", obj)
        elif word in OPPONENT or (word == "at" and event_type in TARGETED):
            for obj in objs:
                if obj.ent_type_ in {"DATE", "TIME"}:
                    continue
                roles.add("patient", obj)
                roles.add("location", obj)  # "shelling on Tripoli": a place as target
        elif word == "from":
            for obj in objs:
                roles.add("origin", obj)
        elif word in DESTINATION:
            for obj in objs:
                roles.add("destination", obj)
        elif word in LOCATIVE:
            for obj in objs:
                roles.add("location", obj)
                if event_type in TARGETED and word in ASSET_PREPOSITIONS and _asset(obj):
                    roles.add("patient", obj)  # "a landmine exploded in a QSD vehicle"
        elif word == "of" and nominal:
            for obj in objs:
                roles.add("patient", obj)


def _subjects_of(verb: Token) -> tuple[list[Token], bool]:
    """The subjects a verb has or inherits, and whether they undergo it (passive).

    A verb coordinated with another shares its subject and voice ("were shot and killed"); an
    infinitive or adverbial clause is done by the governing verb's subject whatever that verb's
    voice ("the mercenaries were sent to fight": the mercenaries fight)."""
    inherited = False
    for _ in range(4):
        own = [c for c in verb.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
        if own:
            passive = any(c.dep_ in PASSIVE_SUBJECTS for c in own) and not inherited
            return own, passive
        named = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.ent_type_ == "ORG"]
        if named:  # "IS attacked ...": a name the parser took for an auxiliary ("is")
            return named, False
        if verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
            continue
        if verb.dep_ in {"xcomp", "advcl", "ccomp"} and verb.head.i != verb.i:
            verb = verb.head
            inherited = True
            continue
        if verb.dep_ in {"relcl", "acl"} and verb.head.i != verb.i:
            return [verb.head], verb.tag_ == "VBN" and not inherited and not _misparsed_main(verb)
        break
    return [], False


ALONGSIDE_PREPOSITIONS = {"after", "during", "amid", "following", "in"}
"""A fight named in these phrases of a clause is fought by the clause's subject."""


def _misparsed_main(verb: Token) -> bool:
    """ "Regime forces brought in reinforcements.": with no main verb the parser reads the verb as
    a participle of the noun ("forces brought in"); one with a direct object is the main verb."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and noun.dep_ == "ROOT"
        and noun.pos_ in {"NOUN", "PROPN"}
        and any(c.dep_ == "dobj" for c in verb.children)
    )


def _headline_passive(verb: Token) -> bool:
    """A verb that always takes an object (typing.yaml object_verbs), in the past, without an
    object, particle, clausal complement or "by" agent: a headline's passive without "were"."""
    if verb.tag_ not in {"VBD", "VBN"}:
        return False
    if any(c.dep_ in OBJECTS | {"prt", "agent", "ccomp", "xcomp", "attr"} for c in verb.children):
        return False
    return event_vocabulary().lexicons["object_verbs"].match_at([verb], 0) > 0


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    subjects, passive = _subjects_of(verb)
    return (subjects[0] if subjects else None), passive


def verbal_roles(verb: Token, event_type: str) -> Roles:
    roles = Roles()
    subjects, passive = _subjects_of(verb)
    if verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children):
        passive = True  # "..., killed by unknown gunmen": whoever the clause is about was killed
    elif not passive and subjects and _headline_passive(verb):
        passive = True  # "Two people killed in a land dispute": no object, so no killer named
    subjects = [
        verb.head if s.tag_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else s for s in subjects
    ]
    if passive:
        for subject in subjects:
            roles.add("patient", subject)
    elif event_type in SYMMETRIC and subjects and len(coordinated(subjects[0])) > 1:
        members = coordinated(subjects[0])
        roles.add("agent", members[0], expand=False)
        for other in members[1:]:
            roles.add("partner", other, expand=False)
    else:
        for subject in subjects:
            roles.add("agent", subject)
            # "a landmine planted by X exploded": who placed the weapon did it (a subject that
            # is itself an actor stays first: "fighters sent by Turkey attacked").
            for agent in _participle_agents(subject):
                roles.add("agent", agent)
            if event_type in TARGETED:
                for target in _participle_targets(subject):
                    roles.add("patient", target)
    for child in verb.children:
        if child.dep_ in OBJECTS:
            if child.tag_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                roles.add("patient", verb.head)
            else:
                roles.add("patient", child)
                if event_type == "WEAPONS_SEIZED":
                    # "defused IEDs planted by the NPA": the weapons' owner is the other side
                    for owner in _participle_agents(child):
                        roles.add("patient", owner)
                for prep in child.children:  # "shelled the rebels in Darayya"
                    if prep.dep_ == "prep" and prep.lower_ in LOCATIVE:
                        for obj in prep.children:
                            if obj.dep_ == "pobj":
                                roles.add("location", obj)
    _prep_roles(verb, roles, event_type, nominal=False)
    for child in verb.children:
        if child.dep_ == "prt":
            _prep_roles(child, roles, event_type, nominal=False)
        elif child.dep_ in {"advcl", "xcomp"} and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in child.children
        ):
            # "sent ... to fight for Haftar": the purpose clause names on whose side.
            purpose = Roles()
            _prep_roles(child, purpose, event_type, nominal=False)
            for token in purpose.beneficiary:
                roles.add("beneficiary", token)
    return roles


def nominal_roles(noun: Token, event_type: str) -> Roles:
    roles = Roles()
    for child in _modifier_agents(noun):
        roles.add("agent", child)
    for child in _remains_owners(noun):
        roles.add("patient", child)
    for agent in _participle_agents(noun):
        roles.add("agent", agent)
    if event_type in TARGETED:
        for target in _participle_targets(noun):
            roles.add("patient", target)
    _prep_roles(noun, roles, event_type, nominal=True)
    governor = noun.head
    if noun.dep_ in OBJECTS and governor.lemma_.lower() in LIGHT_VERBS:
        inherited = verbal_roles(governor, event_type)
        inherited.patient = [t for t in inherited.patient if t.i != noun.i]
        roles.absorb(inherited)
    elif noun.dep_ in SUBJECTS | PASSIVE_SUBJECTS:
        inherited = Roles()
        _prep_roles(governor, inherited, event_type, nominal=False)
        roles.absorb(inherited)
    elif noun.dep_ == "pobj" and governor.head.i != governor.i:
        # "killed in an airstrike by X on Y": the clause around the phrase holds the roles.
        clause = governor.head
        if clause.pos_ in {"VERB", "AUX"}:
            inherited = Roles()
            _prep_roles(clause, inherited, event_type, nominal=False)
            roles.location.extend(t for t in inherited.location if t not in roles.location)
            if (
                not roles.agent
                and event_type in SYMMETRIC
                and governor.lower_ in ALONGSIDE_PREPOSITIONS
            ):
                # "M23 seized the town after clashes with the army": the clause's subject fought.
                subjects, passive = _subjects_of(clause)
                for subject in subjects if not passive else []:
                    roles.add("agent", subject)
    return roles


def _defended(verb: Token, roles: Roles) -> None:
    """ "GNA forces repelled an attack by LNA forces": the attacker is the agent, the defender
    the target."""
    if verb.lemma_.lower() not in DEFENSIVE_VERBS:
        return
    attackers = [
        obj
        for child in verb.children
        if child.dep_ in OBJECTS
        for prep in child.children
        if prep.dep_ in {"prep", "agent"} and prep.lower_ == "by"
        for obj in _pobjs(prep)
    ]
    if not attackers:
        return
    defenders = list(roles.agent)
    roles.agent = []
    roles.patient = []
    for attacker in attackers:
        roles.add("agent", attacker)
    for defender in defenders:
        roles.add("patient", defender, expand=False)


def roles_for(token: Token, event_type: str, last: Token | None = None) -> Roles:
    """Roles around a trigger's head; `last` is a phrase's last verb ("shot and killed X").
    A head that is a compound modifier ("air" in "air strikes") stands for its phrase's head."""
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    if token.pos_ in {"NOUN", "PROPN"}:
        return nominal_roles(token, event_type)
    roles = verbal_roles(token, event_type)
    _defended(token, roles)
    if last is not None and last.i != token.i and last.pos_ == "VERB":
        roles.absorb(verbal_roles(last, event_type))
    return roles
