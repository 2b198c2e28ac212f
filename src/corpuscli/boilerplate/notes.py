"""Short notes an outlet sets into its articles' text, each a family of furniture the single-block
rules of :mod:`.rules` would otherwise keep:

- a **paywall note**: "Editor's note: As a public service, all our coronavirus coverage is free.
  No paywall." (paywall_notes.txt). It is set as an editor's note, which the rules never remove,
  so it is told apart here: a short block with a paywall phrase and no update or correction after
  its label ("Editor's note: This story has been updated to correct … As a public service, …" is
  the story's own note and stays);
- a **player's lead-in**: a line of eight words at most that opens with a verb of watching or
  listening (media_leadins.txt), ends with a colon and is the verb alone ("Listen:") or points
  at a player (player_pointers.txt: "Watch the full report here:"); the player is not in the
  text ("Watch for these three things:" introduces the story's list and stays);
- a **newsletter's widget, flattened**: its title glued to its call with no sentence between
  ("Get CNN Health's weekly newsletter Sign up here to get … every Tuesday", "Opening Statement
  Sign up for our daily newsletter …"): a title of eight words at most, then a capitalised call
  to action (cta_imperatives.txt) that starts a new sentence without a full stop before it, a
  newsletter word (newsletter_donation.txt) in the title or the call's first words;
- a **teaser glued to a quoted headline**: "'Just sometimes stop talking':Atlanta Mayor says …",
  "Want to talk politics?:Join the … group": a quotation or a question, a colon with no space
  after it, and a capitalised headline (the rules' glued labels are one to three plain words);
- a **byline with a role**: "By Dan Gilgoff, CNN.com Religion Editor";
- a **player's markup**: 'poster="http://…jpg?pubId=…"', an attribute left in the text;
- an **embedded post's signature** other than a tweet's: a Facebook post's ("… Posted by Mark
  Zuckerberg on Thursday, June 1, 2017"), an Instagram post's ("… A photo posted by Kim Taylor
  (@katay_art) on Sep 2, 2016 …"; not "a video posted by Florida congressman Matt Gaetz") or a
  quoted tweet signed by its handle alone ("“…?”
  -@savannahguthrie").

None names an outlet; each reads only its block (a :class:`.shapes.Shape`)."""

from __future__ import annotations

import re

from .shapes import Shape, headline_shaped, leading_name
from .vocabulary import lexicon, word_set, words_of

#: The longest paywall note, in words.
_PAYWALL_WORDS = 30
#: The longest lead-in to a player, in words.
_LEADIN_WORDS = 8
#: The most words of a widget's title before its call.
_TITLE_WORDS = 8
#: The longest byline with a role, in words.
_BYLINE_WORDS = 12
#: An attribute holding an address, opening a block: a player's markup.
_MARKUP = re.compile(r"[a-z][a-z-]{1,20}=[\"'“]https?://")
#: The longest flattened newsletter widget, in words.
_WIDGET_WORDS = 40
#: A capitalised word glued after a lower-case word with no full stop between: where a widget's
#: title ends and its call starts ("… weekly newsletter Sign up here …").
_GLUE = re.compile(r"(?<=[a-z0-9’'])\s+(?=[A-Z])")


#: A quotation or a question glued by a colon, with no space, to a capitalised headline.
_GLUED_HEADLINE = re.compile(r"[‘'“\"]?[^:\n]{3,80}[’'”\"?]:(?=[‘'“\"]?[A-Z])")
#: The longest glued teaser, in words.
_GLUED_WORDS = 30


def glued_headline(s: Shape) -> bool:
    """Whether the block is a teaser glued to a quoted headline or a question (see the module
    docstring)."""
    if s.n > _GLUED_WORDS or (s.sentence_end and s.text.rstrip()[-1:] == "."):
        return False
    m = _GLUED_HEADLINE.match(s.text)
    return m is not None and headline_shaped(s.text[m.end() :])


def paywall_note(s: Shape) -> bool:
    """Whether the block is an outlet's note that the story is outside its paywall (see the
    module docstring)."""
    if s.n > _PAYWALL_WORDS:
        return False
    notes = lexicon("paywall_notes")
    if notes.keys.isdisjoint(s.keyed) or notes.search(s.text, s.keyed, s.plain) is None:
        return False
    editor = lexicon("editor_notes")
    label = editor.start(s.text, s.words)
    rest = s.text[label.end() :] if label is not None else s.text
    return editor.search(rest, set(words_of(rest))) is None


def media_leadin(s: Shape) -> str | None:
    """The verb a player's lead-in opens with ("watch"), or None (see the module docstring)."""
    if s.n > _LEADIN_WORDS or not s.text.rstrip().endswith(":"):
        return None
    m = lexicon("media_leadins").start(s.text, s.words)
    if m is None:
        return None
    alone = len(words_of(m.group(0))) == s.n  # "Watch:", "Listen:"
    if not alone and word_set("player_pointers").isdisjoint(s.wordset):
        return None  # "Watch for these three things:" introduces the story's own list
    return m.group(0).lower()


def glued_call(s: Shape) -> str | None:
    """The call a flattened newsletter widget holds ("sign up here"), or None (see the module
    docstring)."""
    if s.n > _WIDGET_WORDS or '"' in s.text or "“" in s.text:
        return None
    promo = lexicon("newsletter_donation")
    if promo.keys.isdisjoint(s.words[: _TITLE_WORDS + 8]):
        return None
    calls = lexicon("cta_imperatives")
    if calls.keys.isdisjoint(s.keyed):
        return None
    for glue in _GLUE.finditer(s.text, 0, 120):
        title = s.text[: glue.start()]
        if len(title.split()) > _TITLE_WORDS:
            break
        tail = s.text[glue.end() :]
        m = calls.start(tail, words_of(tail[:40]))
        if m is None:
            continue
        near = title + " " + tail[:60]  # the newsletter is named in the title or the call
        if promo.search(near, set(words_of(near))):
            return m.group(0).lower()
    return None


def by_line(s: Shape) -> bool:
    """Whether the block is a byline with the writer's role: "By Dan Gilgoff, CNN.com Religion
    Editor" — "By", a name opening with a given name (given_names.txt), then nothing, or a comma,
    a bar or "and" and a few words; no sentence ("By Tuesday, the …" is the story's)."""
    if s.n > _BYLINE_WORDS or s.sentence_end or not s.text.startswith(("By ", "BY ")):
        return False
    rest = s.text[3:].lstrip()
    name = leading_name(rest)
    if name is None or name.split()[0].lower() not in word_set("given_names"):
        return False
    after = rest[len(name) :].lstrip()
    return after == "" or after.startswith((",", "|", "and ", "&", "—", "-"))


#: A Facebook post's signature closing the block: "Posted by <name> on <weekday>, <month> <d>, <y>".
_POSTED_BY = re.compile(
    r"Posted by [A-Z][^.!?]{1,60} on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [A-Z][a-z]+ "
    r"\d{1,2}, \d{4}$"
)
#: An Instagram post's signature: "A photo posted by Kim Taylor (@katay_art) on Sep 2, 2016".
_INSTAGRAM = re.compile(r"\bA (?:photo|video) posted by [^()]{1,60} \(@[\w.]{1,30}\) on [A-Z]")
#: A quotation signed by a handle alone: '“…?” -@savannahguthrie'.
_HANDLE_SIGNED = re.compile(r"[”\"]\s*[-–—]\s?@\w{1,15}$")


def post_signature(s: Shape) -> str | None:
    """The kind of an embedded post signed other than as a tweet is (see the module docstring),
    or None."""
    if s.n > 80 or ("osted by" not in s.text and "@" not in s.text[-20:]):
        return None  # a cheap test first: most blocks have neither
    text = s.text.rstrip()
    if _POSTED_BY.search(text, max(0, len(text) - 120)):
        return "Posted by … on <date>"
    if _INSTAGRAM.search(text):
        return "A photo posted by … (@handle) on <date>"
    if _HANDLE_SIGNED.search(text, max(0, len(text) - 24)):
        return "“…” -@handle"
    return None


def player_markup(s: Shape) -> bool:
    """Whether the block is a player's markup left in the text: an attribute holding an address
    ('poster="http://v.example.com/images/….jpg" <the clip's title>')."""
    return _MARKUP.match(s.text) is not None
