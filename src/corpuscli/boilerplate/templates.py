"""Near repeats: lines an outlet repeats with a changing headline in them ("More: <headline>",
"( Also on POLITICO: <headline>)", "JUST WATCHED <headline> Replay …", the article's headline
repeated as its first line). Each such line has a template key — its label, the capitals it opens
with, or its being the headline — and a key that recurs across an outlet's articles (as often as a
repeated line must) is learned like a repeated line: saved in the same patterns, applied the same
way. A line is keyed only when what changes in it is shaped like a headline; a label that also
introduces sentences in the same article is a speaker's name in an interview, not a template."""

from __future__ import annotations

from corpuscli.text.blocks import signature

from .shapes import caps_prefix, headline_shaped, label_split

#: Template keys start with a character no signature holds (signatures are lower-case words,
#: digits and spaces), so that they live beside the signatures of repeated lines.
LABEL, OPENS, HEADLINE = "⟨label⟩ ", "⟨opens⟩ ", "⟨headline⟩"


def template_keys(
    texts: list[str], title: str | None = None, signs: list[str] | None = None
) -> list[str | None]:
    """The template key of each block of one article (None for most). ``title``: the article's
    headline as its input gives it (a block among the first three that repeats it is keyed);
    ``signs``: the blocks' signatures when the caller has them."""
    keys: list[str | None] = [None] * len(texts)
    speakers: set[str] = set()
    title_sig = signature(title) if title else ""
    for k, text in enumerate(texts):
        if k < 3 and title_sig and (signs[k] if signs else signature(text)) == title_sig:
            keys[k] = HEADLINE
            continue
        labelled = label_split(text) if ":" in text[:48] else None
        if labelled is not None:
            label = signature(labelled.label)
            if label and headline_shaped(labelled.rest):
                keys[k] = LABEL + label
            elif label:
                speakers.add(LABEL + label)
            continue
        if len(text) > 300 or not text[:2].isupper():
            continue
        prefix = caps_prefix(text)
        if prefix is not None:
            rest = text[len(prefix) :]
            if len(rest.split()) <= 40 and not rest.rstrip().endswith("."):
                keys[k] = OPENS + signature(prefix)
    if speakers:
        keys = [None if key in speakers else key for key in keys]
    return keys


def describe(key: str) -> str:
    """What a template key means, for a reason a user reads."""
    if key.startswith(LABEL):
        return f'"{key[len(LABEL) :]}: <headline>"'
    if key.startswith(OPENS):
        return f'"{key[len(OPENS) :].upper()} <…>"'
    return "the headline again at the head"
