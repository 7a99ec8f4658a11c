"""Statements held as stances rather than said: verbs with a saying noun ("issued a warning"),
prepositional cues ("called for"), "be" with an adjective or noun of stance ("is wary of", "is a
critic of"), polls ("leads in the latest poll") and documents ("the survey showed ...").

The words are data (attribution/data/attribution.yaml: light_verbs, statement_nouns, prepositional_cues,
attitude_adjectives, stance_holders, poll_nouns); these functions read the parse through the
`ClauseReader` that calls them.
"""

from __future__ import annotations

from spacy.tokens import Token

from warledger.extractors.attribution.clauses import ClauseReader
from warledger.extractors.attribution.statement_text import FoundStatement, phrase_of


def light_statement(finder: ClauseReader, verb: Token) -> FoundStatement | None:
    """ "X made the allegations against Y", "X issued a warning": a verb and a saying noun."""
    nouns = finder.vocabulary.statement_nouns
    said = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns), None)
    subject = finder.subject_of(verb) if said is not None else None
    if said is None or subject is None or subject.lower_ in finder.vocabulary.quoted_speakers:
        return None
    complements = [c for c in said.children if c.dep_ in ("prep", "acl", "ccomp") and c.i > said.i]
    complements += [c for c in verb.children if c.dep_ == "prep" and c.i > said.i]
    content = finder.span_of(complements) if complements else finder.colon_after(said)
    if content is None:
        content = finder.span_of([said])
    statement = finder.make_statement(verb, verb, content, subject)
    statement.cue_end = said.idx + len(said.text)
    statement.by_verb = True
    return statement


def stance_statement(finder: ClauseReader, adjective: Token) -> FoundStatement | None:
    """ "X is wary of Y", "X was confident that ...", "X is a critic of Y": a stance held by
    the subject of "be"."""
    verb = adjective.head
    if adjective.dep_ not in ("acomp", "attr") or verb.i > adjective.i:
        return None
    subject = finder.subject_of(verb)
    if subject is None or subject.lower_ in finder.vocabulary.quoted_speakers:
        return None
    last = adjective
    complements = []
    for child in adjective.children:
        if child.dep_ in ("ccomp", "xcomp") and child.i > adjective.i:
            complements.append(child)
        elif child.dep_ == "prep" and any(g.dep_ in ("pobj", "pcomp") for g in child.children):
            complements.append(child)
            last = child if child.i == adjective.i + 1 else last
    if not complements:
        return None
    objects = [g for c in complements for g in (c.children if c.dep_ == "prep" else [c])]
    objects = [g for g in objects if g.dep_ in ("pobj", "pcomp", "ccomp", "xcomp")]
    statement = finder.make_statement(adjective, adjective, finder.span_of(objects[:1]), subject)
    statement.cue_start = verb.idx
    statement.cue_end = last.idx + len(last.text)
    statement.by_verb = True
    return statement


def poll_statement(finder: ClauseReader, token: Token) -> FoundStatement | None:
    """ "X leads in the latest poll", "in a survey released Monday, 40 percent ...": the poll
    is the source and the rest of the sentence what it found."""
    poll = next((c for c in token.children if c.dep_ == "pobj"), None)
    if poll is None or poll.lemma_.lower() not in finder.vocabulary.poll_nouns:
        return None
    phrase = phrase_of(poll)
    content = finder.around(token.idx, phrase.end_char, token.sent)
    if content is None:
        return None
    finder.used.add(token.i)
    end = token.idx + len(token.text)
    return FoundStatement(token.idx, end, token, content[0], content[1], phrase, poll)


def prepositional_content(
    finder: ClauseReader, verb: Token, lemma: str, children: list[Token]
) -> tuple[Token, list[Token]] | None:
    """ "called for X", "lashed out at X": (the cue's last word, the content) or None."""
    allowed = finder.vocabulary.prepositional_cues.get(lemma)
    if not allowed:
        return None
    last = verb
    for child in children:
        if child.i <= verb.i:
            continue
        if child.dep_ == "prt" and child.lower_ in allowed:
            last = child
        elif child.dep_ == "prep" and child.lower_ in allowed:
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                near = child.i - last.i <= 2
                return (child if near else last), objects
    return None


def is_document(finder: ClauseReader, subject: Token | None) -> bool:
    """ "The poll shows X", "the video showed Y": a document's object is what it says."""
    heads = finder.vocabulary.heads["document"]
    return subject is not None and subject.lemma_.lower() in heads
