"""Acts of reported speech found in the parse: cue, source phrase, content, intermediaries, channel.

Shapes recognised (the words are data, in patterns/attribution.yaml):
- a reporting verb with a subject and a clause, quote or object: "X said (that) ...", "“...,” said X",
  "X denied the reports", "..., adding that ..." (the subject of the governing verb);
- quoting: "Y quoted X as saying that ...", "Y reported ..., citing X" (X is the source, Y relays);
- "X told Y's Arabic-language service that ..." (an outlet that is told relays the claim);
- source prepositions: "according to X, ...", "..., according to X";
- reporting nouns with a clause: "X's claims that ...", "reports by X that ...";
- attitudes: "X criticized the plan", "X called for talks" (statement_stances.py also has "X
  issued a warning", "X is wary of Y", "X leads in the poll");
- a speech verb beside a quote or a sentence it does not govern: "“No.” Ahmed said.", "Prices
  will rise, he said.";
- layout: "NAME: ..." transcript labels and "― Name" sign-offs (statement_labels.py).
Quotes that run over several sentences are covered whole. Inside another statement's content only
an act of passing words on (chain_cues) by a source named apart from the speaker opens a statement
of its own: "the ministry said residents told its monitors ..." is two statements, "he says he
wants to ..." one, and a doubt folded into it ("he said he believes ...") still marks its claim.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from warledger.extractors import statement_stances as stances
from warledger.extractors.attribution_data import (
    AttributionVocabulary,
    attribution_vocabulary,
    certainty_vocabulary,
)
from warledger.extractors.statement_labels import layout_statements
from warledger.extractors.statement_text import (
    EDGE,
    FoundStatement,
    phrase_of,
    quote_regions,
    trimmed,
)


class StatementFinder:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.vocabulary: AttributionVocabulary = attribution_vocabulary()
        self.text = doc.text  # Doc.text is rebuilt from the tokens on every access
        self.quotes = quote_regions(self.text)
        self.used: set[int] = set()

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
        return [s for s in found if self._opens_statement(s, found)]

    def _lemma(self, token: Token) -> str:
        """The lemma, or the cue verb a mislemmatised form belongs to ("hopes" -> "hop")."""
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma in self.vocabulary.reporting_verbs:
            return lemma
        word = token.lower_
        for suffix, ending in (("es", "e"), ("s", ""), ("ed", "e"), ("ing", "e")):
            stem = word[: -len(suffix)] + ending if word.endswith(suffix) else ""
            if stem in self.vocabulary.reporting_verbs:
                return stem
        return lemma

    def _opens_statement(self, statement: FoundStatement, found: list[FoundStatement]) -> bool:
        """Whether a statement stands on its own rather than inside another one's content.

        Only a chain goes on inside what someone said: a new act of passing words on, outside
        quotes, by a source that is not the speaker again (a personal pronoun mostly points back
        to the speaker). Anything else is part of the outer claim; a doubt it voices ("he said
        he believes ...") is kept on the outer statement for the claim it covers."""
        if statement.layout:
            return True
        cue = statement.cue
        outers = [
            other
            for other in found
            if other is not statement and other.content_start <= cue.idx < other.content_end
        ]
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

    # -- parts ----------------------------------------------------------------------------------

    def make_statement(
        self, cue: Token, channel_host: Token, content: tuple[int, int], subject: Token | None
    ) -> FoundStatement:
        cue_end = cue.idx + len(cue.text)
        for child in cue.children:
            # "continued:", "went on to say" keep the particles that belong to the cue.
            if child.dep_ == "prt" and child.i == cue.i + 1:
                cue_end = child.idx + len(child.text)
        source, head = (None, None)
        if subject is not None:
            source, head = self._source_phrase(subject)
        start, end = self._with_quotes(*content)
        found = FoundStatement(cue.idx, cue_end, cue, start, end, source, head)
        found.lemma = self._lemma(cue)
        found.channel = self._channel(channel_host)
        self.used.add(cue.i)
        return found

    def _source_phrase(self, subject: Token) -> tuple[SpacySpan, Token]:
        # "A statement by the ministry said": the ministry speaks, in a statement.
        if subject.lemma_.lower() in self.vocabulary.heads["document"]:
            for child in subject.children:
                if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
                    return phrase_of(child), child
                if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                    for grand in child.children:
                        if grand.dep_ == "pobj" and grand.pos_ in ("PROPN", "NOUN"):
                            return phrase_of(grand), grand
        return phrase_of(subject), subject

    def subject_of(self, verb: Token) -> Token | None:
        """The speaker: the subject, the "by" agent, or the subject of the verb a participle hangs on."""
        current = verb
        for _ in range(4):
            quoting = current.lemma_.lower() in self.vocabulary.quoting_verbs
            # "“Safety,” said Grimm": a quoted word the parser took for a subject is not the speaker.
            subjects = [c for c in current.children if c.dep_ == "nsubj" and c.lower_ != "there"]
            unquoted = [c for c in subjects if not self.quoted(c)]
            if subjects:
                return (unquoted or subjects)[0]
            for child in current.children:
                if child.dep_ == "nsubjpass" and quoting and child.lower_ != "it":
                    return child
                if child.dep_ == "agent":
                    return next((g for g in child.children if g.dep_ == "pobj"), None)
            gerund = current.tag_ == "VBG"
            if gerund and current.dep_ == "acl" and current.head.pos_ in ("PROPN", "NOUN"):
                return current.head  # "footage of Trump saying ..."
            if gerund and current.dep_ == "pcomp" and current.head.head.pos_ in ("VERB", "AUX"):
                current = current.head.head  # "began by saying ...", "after saying ..."
                continue
            inherits = current.dep_ == "conj" or (current.dep_ in ("advcl", "xcomp") and gerund)
            if not inherits or current.head.i == current.i:
                return self._speaker_before(verb)
            current = current.head
        return None

    def _speaker_before(self, verb: Token) -> Token | None:
        """A misparsed subject right before the verb ("... the Post Trump said that")."""
        before = verb.i - 1
        while before >= verb.sent.start and self.doc[before].pos_ in ("ADV", "AUX", "PART"):
            before -= 1
        if before < verb.sent.start or verb.dep_ != "ROOT":
            return None
        token = self.doc[before]
        if token.pos_ in ("PROPN", "PRON") and token.dep_ in (
            "pobj",
            "dobj",
            "compound",
            "npadvmod",
        ):
            return token
        return None

    def span_of(self, tokens: list[Token]) -> tuple[int, int]:
        start = min(t.left_edge.idx for t in tokens)
        last = max((t.right_edge for t in tokens), key=lambda t: t.i)
        return trimmed(self.text, start, last.idx + len(last.text))

    def _with_quotes(self, start: int, end: int) -> tuple[int, int]:
        """Widen a content span to every quoted passage it touches ("“A. B,” he said")."""
        for q_start, q_end in self.quotes:
            if q_start < end and start < q_end:
                start, end = min(start, q_start), max(end, q_end)
        return trimmed(self.text, start, end)

    def colon_after(self, verb: Token) -> tuple[int, int] | None:
        doc = self.doc
        following = doc[verb.i + 1 : verb.i + 4]
        colon = next((t for t in following if t.text == ":"), None)
        if colon is None:
            return None
        start = colon.idx + 1
        for q_start, q_end in self.quotes:
            if start <= q_start <= start + 3:
                return trimmed(self.text, q_start, q_end)
        sent_end = colon.sent.end_char
        if sent_end - start < 3 and colon.sent.end < len(doc):
            sent_end = doc[colon.sent.end].sent.end_char
        return trimmed(self.text, start, sent_end)

    def _frames_sentence(self, verb: Token, lemma: str) -> bool:
        """A speech verb heading its sentence, not itself quoted and not "what he said"."""
        if lemma not in self.vocabulary.speech_verbs or verb.dep_ not in ("ROOT", "parataxis"):
            return False
        if any(c.dep_ in ("dobj", "mark") or c.tag_ in ("WP", "WDT") for c in verb.children):
            return False
        return not self.quoted(verb)

    def quoted(self, token: Token) -> bool:
        return any(q_start < token.idx < q_end for q_start, q_end in self.quotes)

    def _adjacent_quote(self, verb: Token, subject: Token) -> tuple[int, int] | None:
        """The quote that ends right before "X said" or opens right after "X said,"."""
        first = min(verb.i, subject.left_edge.i)
        last = max(verb.i, phrase_of(subject).end - 1)
        before = self.doc[first].idx
        after = self.doc[last].idx + len(self.doc[last].text)
        for q_start, q_end in self.quotes:
            if q_end <= before and not self.text[q_end:before].strip(EDGE + ".\u2019'"):
                return trimmed(self.text, q_start, q_end)
            if q_start >= after and not self.text[after:q_start].strip(EDGE):
                return trimmed(self.text, q_start, q_end)
        return None

    def _parenthetical(self, verb: Token, subject: Token) -> tuple[int, int] | None:
        """ "Prices will rise, he said.": the words before the speaker are what was said."""
        first = min(verb.i, subject.left_edge.i)
        sent = verb.sent
        if first - sent.start < 2:
            return None
        before = trimmed(self.text, sent.start_char, self.doc[first].idx)
        return before if before[1] - before[0] >= 3 else None

    def _rest_of_sentence(self, verb: Token) -> tuple[int, int] | None:
        return self.around(
            verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge.text), verb.sent
        )

    def around(self, start: int, end: int, sent: SpacySpan) -> tuple[int, int] | None:
        """The sentence without [start, end): the part after it, before it, or the whole sentence."""
        text = self.text
        before = trimmed(text, sent.start_char, start)
        after = trimmed(text, end, sent.end_char)
        if before[1] - before[0] < 3:
            return after if after[1] - after[0] >= 3 else None
        if after[1] - after[0] < 3:
            return before
        return trimmed(text, sent.start_char, sent.end_char)

    def _takes_that_clause(self, verb: Token) -> bool:
        """Any verb with a "that" clause reports a thought or a saying ("the study found that")."""
        if verb.lemma_.lower() in self.vocabulary.not_reporting_verbs:
            return False
        return any(
            c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            for c in verb.children
        )

    def _has_mark_as(self, verb: Token) -> bool:
        return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)

    def _channel(self, host: Token) -> str | None:
        channels = self.vocabulary.channels
        best: str | None = None
        for child in host.children:
            if child.dep_ != "prep" or child.lower_ not in self.vocabulary.channel_prepositions:
                continue
            for token in child.subtree:
                name = channels.get(token.lower_)
                if name is None:
                    continue
                if token.pos_ == "PROPN" or token.text[:1].isupper():
                    return name
                best = best or name
        return best
