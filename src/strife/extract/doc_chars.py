"""A doc's text and the token at a character offset: how the extract stages go between the
character spans of counts and phrases and the tokens of the parse."""

from __future__ import annotations

from spacy.tokens import Doc, Token


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once: spaCy's `Doc.text` rebuilds it from every token on each call."""
    text = doc.user_data.get("strife_text")
    if text is None:
        text = doc.user_data["strife_text"] = doc.text
    return str(text)


def token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
