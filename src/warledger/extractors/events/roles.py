"""Event roles: the `Roles` record (who did what to whom, where, for whom), the dependency labels
and prepositions that mark each role, coordination (`coordinated`, `sides`) and umbrella nouns
("clashes" in "two days of clashes"). The rules that read roles from the parse are `role_rules`."""

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


# "X repelled an attack by Y": Y attacked X.
DEFENSIVE_VERBS = {"repel", "repulse", "thwart", "foil", "fend", "resist", "counter", "withstand"}


TARGETED = {"VIOLENCE", "ATTACK", "CLASH", "SHELLING", "AIR_STRIKE", "EXPLOSIVE"}


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

    def add(self, role: str, token: Token, expand: bool = True) -> None:
        fillers: list[Token] = getattr(self, role)
        for member in coordinated(token) if expand else [token]:
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


def sides(token: Token) -> list[Token]:
    """The parties of "between A and B": the conjuncts, or coordinated modifiers sharing one
    head ("between QSD and Turkish forces" names two sides, QSD and Turkish forces)."""
    members = coordinated(token)
    if len(members) > 1:
        return members
    for child in token.children:
        if child.dep_ in {"amod", "compound", "nmod"} and any(
            c.dep_ == "conj" for c in child.children
        ):
            return coordinated(child)
    return members


UMBRELLA_PREPOSITIONS = {"under", "within"}


def umbrellas(token: Token, depth: int = 0) -> list[Token]:
    """The operation or coalition a force acts under: "rebels under OPS", "factions, operating
    under OPS, ...", "JWS, which operates under OPS", "forces, as part of Operation Peace Spring"
    (the heads of the phrases, for the caller to resolve)."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in {"acl", "relcl"} and child.pos_ == "VERB" and depth == 0:
            out.extend(umbrellas(child, depth + 1))
        if child.dep_ != "prep":
            continue
        objs = [o for o in child.children if o.dep_ == "pobj"]
        if child.lower_ in UMBRELLA_PREPOSITIONS:
            following = token.doc[child.i + 1] if child.i + 1 < len(token.doc) else None
            if not objs and following is not None and following.pos_ == "PROPN":
                objs = [following]  # a stranded preposition: "rebels under OPS looted"
            out.extend(objs)
        elif child.lower_ == "as":
            for part in (o for o in objs if o.lemma_.lower() == "part"):
                for of in part.children:
                    if of.dep_ == "prep" and of.lower_ == "of":
                        out.extend(o for o in of.children if o.dep_ == "pobj")
    return out
