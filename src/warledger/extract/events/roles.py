"""Who did what to whom, from the dependency parse around a trigger.

A role filler is a token (the head of a noun phrase); `fillers.py` turns fillers into actor and
place ids. The rules cover active and passive clauses, coordination, relative and participial
clauses, nominal triggers ("clashes between A and B", "Turkey's deployment of troops to Libya")
and nouns that are the object of a light verb ("launched an offensive on Tripoli").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

ROLE_NAMES = ("agent", "patient", "partner", "beneficiary", "location", "origin", "destination")

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
OBJECTS = {"dobj", "obj", "attr", "oprd"}
LOCATIVE = {
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "around",
    "across",
    "within",
    "throughout",
    "along",
    "north",
    "south",
    "east",
    "west",
    "off",
    "over",
}
DESTINATION = {"to", "into", "towards", "toward", "onto"}
BENEFICIARY = {"for", "alongside"}
OPPONENT = {"against", "on", "upon"}
PARTNER = {"with"}
LIGHT_VERBS = {
    "launch",
    "carry",
    "conduct",
    "stage",
    "mount",
    "hold",
    "wage",
    "make",
    "perpetrate",
    "commit",
    "organise",
    "organize",
    "lead",
    "begin",
    "start",
    "continue",
    "resume",
    "execute",
    "undertake",
    "bring",
    "send",
    "deploy",
    "fire",
    "use",
    "plant",
    "throw",
    "hurl",
    "drop",
    "claim",
    "order",
    "announce",
    "call",
    "join",
    "take",
    "intensify",
    "step",
    "escalate",
    "witness",
    "see",
}
SYMMETRIC = {"CLASH", "AGREEMENT", "MEETING", "DIPLOMACY"}
RELATIVE_PRONOUNS = {"WDT", "WP", "WP$"}


@dataclass
class Roles:
    agent: list[Token] = field(default_factory=list)
    patient: list[Token] = field(default_factory=list)
    partner: list[Token] = field(default_factory=list)
    beneficiary: list[Token] = field(default_factory=list)
    location: list[Token] = field(default_factory=list)
    origin: list[Token] = field(default_factory=list)
    destination: list[Token] = field(default_factory=list)

    def add(self, role: str, token: Token) -> None:
        fillers: list[Token] = getattr(self, role)
        for member in coordinated(token):
            if member not in fillers and not member.is_punct:
                fillers.append(member)

    def absorb(self, other: Roles) -> None:
        for role in ROLE_NAMES:
            for token in getattr(other, role):
                self.add(role, token)


def coordinated(token: Token) -> list[Token]:
    """The token and its conjuncts: "officers ... as well as the mayors" gives both heads."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "ADJ"}:
            out.extend(coordinated(child))
    return out


def _pobjs(prep: Token) -> list[Token]:
    objs = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    for child in prep.children:  # "on the side of X", "on behalf of X"
        if child.dep_ == "prep":
            objs.extend(_pobjs(child))
    return objs


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
            members = [m for o in objs for m in coordinated(o)]
            if members:
                roles.add("agent", members[0])
                for other in members[1:]:
                    roles.add("partner", other)
        elif word == "by" and nominal:
            for obj in objs:
                roles.add("agent", obj)
        elif word in BENEFICIARY:
            for obj in objs:
                roles.add("beneficiary", obj)
        elif word == "on" and any(o.lower_ in {"side", "behalf"} for o in objs):
            for obj in _pobjs(child):
                if obj.lower_ not in {"side", "behalf"}:
                    roles.add("beneficiary", obj)
        elif word in PARTNER:
            for obj in objs:
                roles.add("partner" if event_type in SYMMETRIC else "patient", obj)
        elif word in OPPONENT:
            for obj in objs:
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
        elif word == "of" and nominal:
            for obj in objs:
                roles.add("patient", obj)


def _subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The subject a verb has or inherits (from the verb it is coordinated with or governed by)."""
    seen = 0
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                return child, False
            if child.dep_ in PASSIVE_SUBJECTS:
                return child, True
        if verb.dep_ in {"conj", "xcomp", "advcl", "ccomp"} and verb.head is not verb:
            verb = verb.head
            seen += 1
            continue
        if verb.dep_ in {"relcl", "acl"} and verb.head is not verb:
            return verb.head, verb.tag_ == "VBN"
        break
    return None, False


def verbal_roles(verb: Token, event_type: str) -> Roles:
    roles = Roles()
    subject, passive = _subject_of(verb)
    own_passive = any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children) or (
        verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN"
    )
    if subject is not None:
        if subject.tag_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            subject = verb.head
        if passive or own_passive:
            roles.add("patient", subject)
        elif event_type in SYMMETRIC and len(coordinated(subject)) > 1:
            members = coordinated(subject)
            roles.add("agent", members[0])
            for other in members[1:]:
                roles.partner.append(other)
        else:
            roles.add("agent", subject)
    for child in verb.children:
        if child.dep_ in OBJECTS:
            if child.tag_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                roles.add("patient", verb.head)
            else:
                roles.add("patient", child)
    _prep_roles(verb, roles, event_type, nominal=False)
    for child in verb.children:  # "shelled X ... killing two": particles and adverbial preps
        if child.dep_ == "prt":
            _prep_roles(child, roles, event_type, nominal=False)
    return roles


def nominal_roles(noun: Token, event_type: str) -> Roles:
    roles = Roles()
    for child in noun.children:
        if (
            child.dep_ == "poss"
            and child.tag_ not in {"PRP$"}
            or child.dep_ in {"amod", "compound"}
            and child.ent_type_ in {"NORP", "GPE", "ORG"}
        ):
            roles.add("agent", child)
    _prep_roles(noun, roles, event_type, nominal=True)
    governor = noun.head
    if noun.dep_ in OBJECTS and governor.lemma_.lower() in LIGHT_VERBS:
        inherited = verbal_roles(governor, event_type)
        inherited.patient = [t for t in inherited.patient if t is not noun]
        roles.absorb(inherited)
    elif noun.dep_ in SUBJECTS | PASSIVE_SUBJECTS:
        inherited = Roles()
        _prep_roles(governor, inherited, event_type, nominal=False)
        roles.absorb(inherited)
    elif noun.dep_ == "pobj" and governor.head is not governor:
        # "killed in an airstrike by X on Y": the clause around the phrase holds the roles.
        clause = governor.head
        if clause.pos_ in {"VERB", "AUX"}:
            inherited = Roles()
            _prep_roles(clause, inherited, event_type, nominal=False)
            roles.location.extend(t for t in inherited.location if t not in roles.location)
    return roles


def roles_for(token: Token, event_type: str) -> Roles:
    if token.pos_ in {"NOUN", "PROPN"}:
        return nominal_roles(token, event_type)
    return verbal_roles(token, event_type)
