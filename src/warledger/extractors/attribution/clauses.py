"""Reading a reporting clause from the parse: the statement record a cue makes, its source
phrase, its subject, the quotes and colons around it, and the channel it was said on.

`ClauseReader` holds what every statement shape needs; `statements.StatementFinder` (the shapes
that start from a verb, noun or preposition) and `stances` (stance shapes) read the parse through it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from warledger.extractors.attribution.statement_text import (
    EDGE,
    FoundStatement,
    phrase_of,
    quote_regions,
    trimmed,
)
from warledger.extractors.attribution.vocabulary import (
    AttributionVocabulary,
    attribution_vocabulary,
)


class ClauseReader:
    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.vocabulary: AttributionVocabulary = attribution_vocabulary()
        # The document's text: Doc.text is rebuilt from the tokens on every access.
        self.text = doc.text if text is None else text
        self.quotes = quote_regions(self.text)
        self.used: set[int] = set()

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
