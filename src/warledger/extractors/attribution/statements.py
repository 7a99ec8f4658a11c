"""Acts of reported speech found in the parse: cue, source phrase, content, intermediaries, channel.

Shapes recognised (the words are data, in attribution/data/attribution.yaml):
- a reporting verb with a subject and a clause, quote or object: "X said (that) ...", "“...,” said X",
  "X denied the reports", "..., adding that ..." (the subject of the governing verb);
- quoting: "Y quoted X as saying that ...", "Y reported ..., citing X" (X is the source, Y relays);
- "X told Y's Arabic-language service that ..." (an outlet that is told relays the claim);
- source prepositions: "according to X, ...", "..., according to X";
- reporting nouns with a clause: "X's claims that ...", "reports by X that ...";
- attitudes: "X criticized the plan", "X called for talks" (stances.py also has "X
  issued a warning", "X is wary of Y", "X leads in the poll");
- a speech verb beside a quote or a sentence it does not govern: "“No.” Ahmed said.", "Prices
  will rise, he said.";
- layout: "NAME: ..." transcript labels and "― Name" sign-offs (labels.py).
Quotes that run over several sentences are covered whole. Inside another statement's content only
an act of passing words on (chain_cues) by a source named apart from the speaker opens a statement
of its own: "the ministry said residents told its monitors ..." is two statements, "he says he
wants to ..." one, and a doubt folded into it ("he said he believes ...") still marks its claim.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Token

from warledger.extractors.attribution import stances
from warledger.extractors.attribution.clauses import ClauseReader
from warledger.extractors.attribution.labels import layout_statements
from warledger.extractors.attribution.statement_text import (
    FoundStatement,
    phrase_of,
    trimmed,
)
from warledger.extractors.attribution.vocabulary import (
    certainty_vocabulary,
)


class StatementFinder(ClauseReader):
    def find(self) -> list[FoundStatement]:
        found: list[FoundStatement] = []
        vocabulary = self.vocabulary
        for token in self.doc:
            if token.i in self.used:
                continue
            lemma = self._lemma(token)
            statement: FoundStatement | None = None
            if token.lower_ in ("according", "citing", "quoting") or token.lower_ == "as":
                statement = self._preposition(token)
            elif (
                token.pos_ == "ADJ"
                and lemma in vocabulary.attitude_adjectives
                or token.pos_ == "NOUN"
                and lemma in vocabulary.stance_holders
            ):
                statement = stances.stance_statement(self, token)
            elif token.lower_ == "in" and token.dep_ == "prep":
                statement = stances.poll_statement(self, token)
            elif token.pos_ == "VERB" and (
                lemma in vocabulary.reporting_verbs or self._takes_that_clause(token)
            ):
                statement = self._verb(token, lemma)
                if statement is None and lemma in vocabulary.light_verbs:
                    statement = stances.light_statement(self, token)
            elif token.pos_ == "VERB" and lemma in vocabulary.light_verbs:
                statement = stances.light_statement(self, token)
            elif token.pos_ == "NOUN" and lemma in vocabulary.reporting_nouns:
                statement = self._noun(token)

            if statement is not None and statement.content_end > statement.content_start:
                found.append(statement)
        for phrase, head, cue, (start, end) in layout_statements(
            self.doc, self.text, self.quotes, vocabulary
        ):
            if cue.i not in self.used and end > start:
                self.used.add(cue.i)
                start, end = trimmed(self.text, start, end)
                found.append(
                    FoundStatement(cue.idx, cue.idx + len(cue), cue, start, end, phrase, head)
                )
                found[-1].layout = True
        contents = _Contents(found)
        return [s for s in found if self._opens_statement(s, contents)]

    def _opens_statement(self, statement: FoundStatement, contents: _Contents) -> bool:
        """Whether a statement stands on its own rather than inside another one's content.

        Only a chain goes on inside what someone said: a new act of passing words on, outside
        quotes, by a source that is not the speaker again (a personal pronoun mostly points back
        to the speaker). Anything else is part of the outer claim; a doubt it voices ("he said
        he believes ...") is kept on the outer statement for the claim it covers."""
        if statement.layout:
            return True
        cue = statement.cue
        outers = [other for other in contents.around(cue.idx) if other is not statement]
        if not outers:
            # A quote with no speaker of its own: "“I think ...”" is the quoted speaker's.
            return not (
                statement.by_verb
                and self.quoted(cue)
                and self._lemma(cue) not in self.vocabulary.nested_cues
            )
        outer = min(outers, key=lambda other: other.content_end - other.content_start)
        lemma = statement.lemma or self._lemma(cue)
        head = statement.source_head
        if (
            not self.quoted(cue)
            and lemma in self.vocabulary.chain_cues
            and head is not None
            and head.tag_ != "PRP"
            and (outer.source_head is None or head.lower_ != outer.source_head.lower_)
        ):
            return True
        if lemma in certainty_vocabulary().cue_levels and not self.quoted(cue):
            outer.folded.append(statement)
        return False

    # -- shapes ---------------------------------------------------------------------------------

    def _verb(self, verb: Token, lemma: str) -> FoundStatement | None:
        vocabulary = self.vocabulary
        children = list(verb.children)
        if lemma in vocabulary.quoting_verbs:
            quoted = self._quoting(verb, children)
            if quoted is not None:
                return quoted
        subject = self.subject_of(verb)
        if subject is not None and subject.lower_ in vocabulary.quoted_speakers:
            return None
        clauses = [
            c
            for c in children
            if c.dep_ == "ccomp" or c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX", "ADJ")
        ]
        content: tuple[int, int] | None = None
        cue_end: Token | None = None
        attitude = lemma in vocabulary.attitude_verbs
        preposition = stances.prepositional_content(self, verb, lemma, children)
        if preposition is not None:
            # "called for a ceasefire": the preposition's object, and "called for" as the cue.
            cue_end, objects = preposition
            content = self.span_of(objects)
        elif lemma not in vocabulary.reporting_verbs:
            pass  # a verb that is a cue only with its preposition ("voted for")
        elif clauses:
            content = self.span_of(clauses)
        elif self.colon_after(verb) is not None:
            content = self.colon_after(verb)
        elif lemma not in vocabulary.clause_only_verbs or stances.is_document(self, subject):
            objects = [
                c
                for c in children
                if c.dep_ in ("dobj", "attr")
                and c.i > verb.i
                and (c.pos_ != "PRON" or attitude and c.tag_ == "PRP")
            ]
            if objects:
                tail = [c for c in children if c.dep_ in ("prep", "oprd") and c.i > objects[0].i]
                content = self.span_of(objects + tail)
        if content is None and (lemma in vocabulary.topic_verbs or attitude):
            topics = [
                g
                for c in children
                if c.dep_ == "prep" and c.lower_ in vocabulary.topic_prepositions and c.i > verb.i
                for g in c.children
                if g.dep_ in ("pobj", "pcomp")
            ]
            content = self.span_of(topics[:1]) if topics else None
        if content is None and subject is not None and subject.dep_ == "pobj":
            # "was first reported by X": the passive subject is what X reported.
            reported = [c for c in children if c.dep_ == "nsubjpass"]
            content = self.span_of(reported) if reported else None
        if content is None and (verb.dep_ in ("parataxis", "advcl") or self._has_mark_as(verb)):
            content = self._rest_of_sentence(verb)
        if content is None and subject is not None and self._frames_sentence(verb, lemma):
            # "“...,” Trump said." split off as a sentence of its own; "X, he said."
            content = self._adjacent_quote(verb, subject) or self._parenthetical(verb, subject)
        # "it was reported that ...": a statement without a named source.
        impersonal = clauses and any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in children)
        if content is None or (subject is None and not impersonal):
            return None
        statement = self.make_statement(verb, verb, content, subject)
        statement.by_verb = True
        if cue_end is not None:
            statement.cue_end = max(statement.cue_end, cue_end.idx + len(cue_end.text))
        if lemma == "tell":
            for child in children:
                if child.dep_ in ("dative", "dobj") and child.pos_ in ("PROPN", "NOUN"):
                    statement.relays.append((phrase_of(child), child))
        for child in children:
            if child.lemma_.lower() in ("cite", "quote") and child.dep_ in (
                "advcl",
                "xcomp",
                "conj",
            ):
                cited = [c for c in child.children if c.dep_ == "dobj"]
                if cited and statement.source is not None and statement.source_head is not None:
                    statement.relays.insert(0, (statement.source, statement.source_head))
                    statement.source, statement.source_head = phrase_of(cited[0]), cited[0]
                    self.used.add(child.i)
        return statement

    def _quoting(self, verb: Token, children: list[Token]) -> FoundStatement | None:
        """ "Y quoted X as saying that ...": X says it, Y relays it."""
        quoted = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
        saying = [
            g
            for c in children
            if c.dep_ == "prep" and c.lower_ == "as"
            for g in c.children
            if g.dep_ == "pcomp"
        ]
        if not quoted or not saying:
            return None
        said = saying[0]
        self.used.add(said.i)
        clauses = [c for c in said.children if c.dep_ in ("ccomp", "xcomp")]
        content = self.span_of(clauses) if clauses else self.colon_after(said)
        if content is None:
            return None
        statement = self.make_statement(verb, verb, content, quoted[0])
        relay = self.subject_of(verb)
        if relay is not None and quoted[0].dep_ == "dobj":
            statement.relays.append((phrase_of(relay), relay))
        agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:
            statement.relays.append((phrase_of(agents[0]), agents[0]))
        return statement

    def _preposition(self, token: Token) -> FoundStatement | None:
        """ "according to X, ...": X is the source and the rest of the sentence the content."""
        doc = self.doc
        for words in self.vocabulary.source_prepositions:
            size = len(words)
            if tuple(t.lower_ for t in doc[token.i : token.i + size]) != words:
                continue
            last = doc[token.i + size - 1]
            objects = [c for c in last.children if c.dep_ in ("pobj", "dobj")]
            if not objects and size > 1:
                objects = [
                    c
                    for c in doc[token.i + size - 2].children
                    if c.dep_ in ("pobj", "dobj", "agent")
                ]
            if not objects:
                return None
            source = objects[0]
            phrase = phrase_of(source)
            cue_end = last.idx + len(last.text)
            content = self.around(token.idx, phrase.end_char, token.sent)
            if content is None:
                return None
            found = FoundStatement(
                token.idx, cue_end, token, content[0], content[1], phrase, source
            )
            self.used.update(range(token.i, token.i + size))
            return found
        return None

    def _noun(self, noun: Token) -> FoundStatement | None:
        """ "claims that ...", "reports by X that ...": the noun's clause is the content."""
        clauses = [
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" for g in c.children)
        ]
        if not clauses:
            return None
        source: Token | None = None
        for child in noun.children:
            if child.dep_ == "poss":
                source = child
            elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                source = next((g for g in child.children if g.dep_ == "pobj"), source)
        return self.make_statement(noun, noun, self.span_of(clauses), source)


class _Contents:
    """The statements found, looked up by a position inside their content."""

    def __init__(self, found: list[FoundStatement]) -> None:
        self.found = found
        self.by_start = sorted(range(len(found)), key=lambda k: found[k].content_start)
        self.starts = [found[k].content_start for k in self.by_start]
        self.longest = max((s.content_end - s.content_start for s in found), default=0)

    def around(self, position: int) -> list[FoundStatement]:
        """The statements whose content holds `position`, in the order they were found; only
        those starting at most the longest content's length before it are read."""
        low = bisect_left(self.starts, position - self.longest)
        high = bisect_right(self.starts, position)
        held = sorted(
            k
            for k in self.by_start[low:high]
            if self.found[k].content_start <= position < self.found[k].content_end
        )
        return [self.found[k] for k in held]
