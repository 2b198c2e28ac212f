"""The single-article rules: evidence for each block of one article, by family of furniture.

Each rule looks at a block's shape (:mod:`.shapes`) and at the vocabularies of data/boilerplate/
(:mod:`.vocabulary`); none names an outlet. Strong evidence (1.0) alone makes a block boilerplate:

- **video_gallery**: a player's words in a block that is not a sentence, or that opens with them
  ("JUST WATCHED … Replay More Videos …", "Media playback is unsupported on your device …"); a
  clip label ending in a duration ("… 0:17", "… Listen · 2:09"); a block of nothing but widget
  words ("Video", "Slide Show", "YouTube"); a gallery's caption ("Photos: <title> Photos: <title>
  …") or slide ("<quote> Hide Caption 3 of 15"), whatever it quotes;
- **teaser**: "Label: <headline>" where the label is a teaser's ("More:", "Related:", "READ
  MORE:"), or is glued to the headline ("Opinion:Brett …"), or the line is in brackets ("( Also on
  X: …)"); a headline in capitals of five words or more between paragraphs ("TRUMP WARNS IRAN:
  …"); a link named by its author ("Conor Friedersdorf: Why I cover campus controversies");
  never a line that goes on from a block ending in a colon (a list the story introduces);
- **social**: a follow or listen line naming a network or a handle ("Follow X on Twitter: @x"); a
  short promotion of the outlet's pages ("Check out the … Map and Calculator …", or naming the
  outlet after a reader's verb: "See all of ABC News' race ratings …");
- **credit**: crediting phrases ("X contributed to this report", "Contributing: AP", "Reporting
  by …"); a block of nothing but names with a given name among them ("A, B and C"; one name only
  at the head or tail, or with an initial or a suffix: "Ruben Navarrette Jr."); a role line
  ("Opinion columnist");
- **bio**: a contact line ("can be reached at", an e-mail, "Follow her on Twitter", a syndicate's
  "… and read features by other … writers"), or at the head or tail "Given-name Surname is a … /
  writes about …" of someone the story never mentions and whose words it does not report;
- **embed**: an embedded post ("— Name (@handle) April 27, 2019", "pic.twitter.com/…") and the
  lines of the post above that line (:mod:`.posts`); a publishing system's shortcode ('[embedtweet
  id="…"]') or placeholder ("[audio-clip]"); a pull quote: a short
  block whose words repeat a longer block of the same article,
  or a block in spaced quotation marks ("“ … ”") half of whose words another block holds;
- **caption**: an agency's name alone on its line ("AP", "Getty Images"); a photo credit ("Photograph: X/AP", "(Photo: …)", "Image copyright …",
  "Name / AGENCY"); a caption known by its credit, after a bar ("<caption> | AP Photo") or
  opening it ("Caitlin Ochs/Reuters <caption>"), whatever it quotes (:mod:`.captions`); a caption
  between its label and its credit ("Image <caption> Credit <credit>");
- **data_widget**: a chart's or map's fallback text ("Sorry, your browser cannot display this
  map"); a block of numbers that is not a sentence — four or more, a third of its tokens, three
  in a row ("Delegates Remaining: 56 Delegates 2,814 1,893 56 …", not "Iowa (6), Nevada (6) …");
- **other**: reader forms ("Use this form to ask your question");
- **newsletter_donation**, **legal**, **social**, **navigation**: a call to action in a short
  block ("Sign up …", "All rights reserved", "Share this", "Advertisement"; medium in a longer
  one, strong when it names the outlet: "It's For the Record, the politics newsletter from
  <outlet>."; a rights notice of two legal phrases whatever its length); a page's keyword list
  ("a, b, c, d" in lower case); an appeal in the first person plural (medium); the outlet's own banner; a section
  tag line or a series' standing description ("A daily roundup of …") at the head; a run of three or more button labels; a promotion closed by a call ("… in
  your inbox every day? Sign up here.") or a sign-up form's fine print (:mod:`.calls`); a
  separator of signs only ("***", "• • •").

Weak evidence (0.3): a short block with no sentence punctuation and few function words.

What is never removed: a block that quotes someone ("…,” Putin said) unless the outlet repeats
it word for word; an editor's update or correction note; a list the story introduces (short
lines after a block ending in a colon); the turns of a transcript.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache

from corpuscli.io.infer import is_tag_line
from corpuscli.text.blocks import Block

from .attributions import mark_attributions
from .calls import spread_call
from .captions import credited_caption, uncredited_caption
from .evidence import MEDIUM, SENTENCE_END, STRONG, WEAK, Verdict
from .lifted import mark_doubled_captions, mark_lifted_sentences
from .named_quotes import mark_named_pull_quotes
from .notes import (
    by_line,
    glued_call,
    glued_headline,
    media_leadin,
    paywall_note,
    player_markup,
    post_signature,
)
from .posts import mark_post_lines
from .shapes import (
    DURATION,
    DURATION_END,
    TWEET_ATTRIBUTION,
    Shape,
    caps_share,
    has_email,
    has_handle,
    headline_shaped,
    label_split,
    leading_name,
    name_groups,
    shape_of,
    strong_name,
)
from .teasers import link_label_teaser, mark_introduced_links, mark_teasers
from .vocabulary import key_words, lexicon, symbols, word_set, words_of

#: A call to action's vocabulary and the family it names, in the order they are tried.
_CTA_FAMILIES = ("newsletter_donation", "legal", "social", "navigation", "section_labels")
#: The family a vocabulary of calls to action names (the vocabulary's own name by default).
_CTA_FAMILY = {"section_labels": "navigation"}
#: Every vocabulary the rules name: a block's words among their key words are found once
#: (:attr:`.shapes.Shape.keyed`), and each search looks among those few.
VOCABULARIES = (
    "appeal_openers", "appeals", "bio_phrases", "caption_verbs", "cta_imperatives", "link_calls", "photo_agencies", "contact_phrases", "credit_phrases",
    "credit_words", "editor_notes", "embed_markers", "explainer_controls", "fallbacks", "forms",
    "photo_words", "player_buttons", "promo_openers", "outlet_promo_verbs", "series_blurbs", "social_networks", "social_verbs", "read_openers",
    "speech_verbs", "teaser_labels", "widget_phrases", "paywall_notes", "media_leadins", "name_titles", "signup_fine_print", "story_headings", *_CTA_FAMILIES,
)  # fmt: skip
_PHOTO_CREDIT_TAIL = re.compile(r"[:]\s*[^.:!?]{1,90}$")
_SLASH_CREDIT = re.compile(
    r"(?:^|\s|\|)[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*/\s*"
    r"(?:[A-Z]{2,}|[A-Z][a-z]+)(?:\s+(?:[A-Z]{2,}|[A-Z][a-z]+)){0,2}\s*$"
)
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+")
_NUMBER_TOKEN = re.compile(r"^[$€£]?\d[\d,.:%]*$")
#: A gallery's counter: "3 of 15" (after its control's words: "Hide Caption 3 of 15").
_GALLERY_COUNTER = re.compile(r"(?<![\d,.])\d{1,3} of \d{1,3}\b")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,.:%]*(?![\w])")
#: A publishing system's shortcode left in the text, with an attribute: '[embedtweet id="…"]',
#: '[jwplayer file="…"', '[caption id="…" align="…"]'.
_SHORTCODE = re.compile(r"\[[a-z][a-z_-]{1,20}\s+[a-z_-]{1,20}=[\"“”']")
#: A player's or embed's placeholder alone on its line, a slug in brackets: "[audio-clip]",
#: "[video_embed]" (lower case, words joined by hyphens or underscores: not "[sic]" in a quote).
_PLACEHOLDER = re.compile(r"\[[a-z]{2,15}(?:[_-][a-z]{2,15}){1,3}\]")
#: A link's address: "http…", "www.…", a domain with a path ("tmsnrt.rs/2K9tVRX") or a site's
#: name with a subdomain ("video.foxnews.com").
_LINK = re.compile(
    r"https?://|www\.|\b[a-z0-9-]{2,30}\.[a-z]{2,6}/\S|\b[a-z0-9-]{2,30}\.[a-z0-9-]{2,30}\.(?:com|org|net|gov)\b"
)
#: The most words of a line that points the reader at a link.
_POINTER_WORDS = 12
#: The most words of a line in brackets that points at a link ("(For a graphic on …, click
#: tmsnrt.rs/2evXAus)").
_BRACKETED_LINK_WORDS = 40
#: A pull quote as its widget prints it: the quotation marks set apart by spaces ("“ … ”").
_SPACED_QUOTE = re.compile(r"^[“\"]\s+\S.*\S\s+[”\"]$")


def _speech_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The two ways a block says who it quotes: a quotation mark closed, then a pronoun or a
    name and a verb of speech ("…,” Putin said"); a verb of speech, then a quotation mark
    opened ("she said: “…") — this one without the word boundary before the verb, which
    :func:`quotes_someone` checks where it matches (a pattern that opens with the verbs is
    searched by their first letters, one that opens with ``\\b`` at every position)."""
    verbs = "|".join(re.escape(v) for v in lexicon("speech_verbs").phrases)
    return (
        re.compile(
            rf"[“”\"]\s*,?\s*(?:he|she|they|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})"
            rf"(?:,[^,“”\"]{{1,80}},)?\s+(?:{verbs})\b"
        ),
        re.compile(rf"(?:{verbs})\s*[:,]?\s*[“\"]"),
    )


_QUOTE_ATTRIBUTION: tuple[re.Pattern[str], re.Pattern[str]] | None = None
_WORD_CHARACTER = re.compile(r"\w")


def has_quote_mark(text: str) -> bool:
    """Whether ``text`` holds a double quotation mark, straight or curly (three ``in`` tests:
    ten times faster than a pattern of the three)."""
    return '"' in text or "“" in text or "”" in text


def quotes_someone(s: Shape) -> bool:
    """The block quotes someone and says who: "…,” Putin said" or "she said: “…"."""
    global _QUOTE_ATTRIBUTION
    if word_set("speech_verbs").isdisjoint(s.wordset) or not has_quote_mark(s.text):
        return False  # both ways of the pattern need a verb and a quotation mark
    if _QUOTE_ATTRIBUTION is None:
        _QUOTE_ATTRIBUTION = _speech_regexes()
    after_quote, before_quote = _QUOTE_ATTRIBUTION
    text = s.text
    if after_quote.search(text) is not None:
        return True
    at = 0
    while (m := before_quote.search(text, at)) is not None:
        start = m.start()
        if start == 0 or _WORD_CHARACTER.match(text, start - 1) is None:
            return True  # a word boundary before the verb (a verb opens with a letter)
        at = start + 1
    return False


def _names_nothing(_text: str) -> None:
    return None


@cache
def outlet_finder(outlet: str | None) -> Callable[[str], re.Match[str] | None]:
    """The search for the outlet's name as a word, case aside (compiled once per outlet, not
    once per article); a search that finds nothing for no outlet or one of under 3 letters."""
    if not outlet or len(outlet) < 3:
        return _names_nothing
    return re.compile(rf"(?<!\w){re.escape(outlet)}(?!\w)", re.I).search


def block_evidence(
    blocks: list[Block],
    *,
    outlet: str | None,
    stopwords: frozenset[str],
) -> list[Verdict]:
    """Single-article evidence for every block of one article (see the module docstring)."""
    keys = key_words(VOCABULARIES)
    shapes = [shape_of(b.text, stopwords, keys) for b in blocks]
    verdicts = [Verdict() for _ in blocks]
    n = len(blocks)
    names_outlet = outlet_finder(outlet)
    quoting = [quotes_someone(s) for s in shapes]
    for i, s in enumerate(shapes):
        v = verdicts[i]
        _embed(s, v)
        _explainer(s, v)
        _separator(s, v)
        if v.score < STRONG:
            _gallery(s, v)
        if v.score < STRONG and (caption := credited_caption(s, names_outlet)):
            v.add(STRONG, caption, "caption")
        if v.score >= STRONG:
            continue  # furniture whatever it quotes
        if quoting[i]:
            continue
        previous = shapes[i - 1] if i else None
        continues = previous is not None and previous.text.rstrip().endswith(":")
        edge = i < 2 or i >= n - 3
        if _editor_note(s):
            v.add(-STRONG, "an editor's note (the story's own)")
            continue
        if s.n <= 6 and _story_heading(s):
            v.add(-STRONG, "a section heading of the story (kept though the outlet repeats it)")
            continue
        if i < 2:
            _series_blurb(s, v)
        _caption(s, v)
        if v.score < STRONG and (uncredited := uncredited_caption(s, stopwords)):
            v.add(STRONG, uncredited, "caption")
        _video_gallery(s, v)
        if not continues:
            _teaser(s, v, previous, i)
        _social(s, v)
        if v.score < STRONG:
            _outlet_promotion(s, v, names_outlet)
        if edge or s.n <= 40:
            _bio(s, v, i, n, blocks)
        _credit(s, v, edge and not continues, names_outlet)
        _data_widget(s, v)
        _keyword_list(s, v)
        _forms(s, v)
        if v.score < STRONG:
            _outlet_notes(s, v)
        _calls_to_action(s, v, i, names_outlet)
        if v.score < STRONG and (call := spread_call(s, _CTA_FAMILIES, _CTA_FAMILY)):
            v.add(STRONG - max(v.score, 0.0), *call)
        if s.n <= 8 and not s.sentence_end and s.function_share < 0.3:
            v.add(WEAK, "short, no sentence, few function words")
    mark_doubled_captions(shapes, verdicts)
    mark_teasers(shapes, verdicts, quoting)
    mark_introduced_links(shapes, verdicts)
    mark_attributions(shapes, verdicts)
    mark_post_lines(shapes, verdicts, quoting)
    _pull_quotes(shapes, verdicts, quoting)
    mark_lifted_sentences(shapes, verdicts, quoting)
    mark_named_pull_quotes(shapes, verdicts, stopwords)
    _spaced_pull_quotes(shapes, verdicts)
    _forms_prompts(shapes, verdicts)
    _button_runs(blocks, shapes, verdicts, quoting)
    return verdicts


# --- one block ---------------------------------------------------------------------------------


def _editor_note(s: Shape) -> bool:
    """An update or correction note: "Updated at 5:21 p.m. ET", "Correction: …" — unless it is an
    author's bio given as an editor's note ("Editor's note: X is a columnist. Follow her …")."""
    note = lexicon("editor_notes").start(s.text, s.words)
    if note is None or len(s.text[note.end() :].split()) < 3:
        return False  # "Editor's Note:" alone is a label (of a promotion, as a rule), no note
    if paywall_note(s):
        return False
    return lexicon("contact_phrases").search(s.text, s.keyed, s.plain) is None


def _story_heading(s: Shape) -> bool:
    """A section heading of the story that a series prints in each article ("From the Left",
    "From the Right:"): one of data/boilerplate/story_headings.txt alone on its line. The outlet
    repeats it, but it heads the story's own text, so it stays with it."""
    found = lexicon("story_headings").start(s.text, s.words)
    return found is not None and found.end() >= len(s.text.rstrip(" :.")) - 1


def _embed(s: Shape, v: Verdict) -> None:
    if s.text.startswith("[") and s.n <= 80 and _SHORTCODE.match(s.text):
        v.add(STRONG, "an embed's shortcode ([name attribute=…])", "embed")
    elif s.n <= 4 and s.text.startswith("[") and _PLACEHOLDER.fullmatch(s.text.strip()):
        v.add(STRONG, "an embed's placeholder ([slug])", "embed")
    elif "(@" in s.text and TWEET_ATTRIBUTION.search(s.text):
        v.add(STRONG, "an embedded post (— name (@handle) date)", "embed")
    elif (m := lexicon("embed_markers").search(s.text, s.keyed, s.plain)) and s.n <= 80:
        v.add(STRONG, f"an embedded post ({m.group(0).lower()})", "embed")
    elif _bracketed_link(s):
        v.add(STRONG, "a link in brackets (… click <address>)", "navigation")
    elif (link := _pointer_link(s)) is not None:
        v.add(STRONG, *link)


def _pointer_link(s: Shape) -> tuple[str, str] | None:
    """A social network's address alone on its line ("https://twitter.com/…/status/…": an
    embedded post's; other addresses may be the sources a story lists), or a short line of at most twelve words that
    opens with a reader's call (link_calls.txt) and holds an address ("Watch the latest video at
    video.foxnews.com", "GRAPHIC: reut.rs/2ptFPhy"): the reason and the family, or None."""
    text = s.text.strip()
    if s.n > _POINTER_WORDS or ("/" not in text and "www." not in text and "." not in text):
        return None
    if " " not in text and _LINK.match(text):
        if word_set("social_networks").isdisjoint(s.wordset):
            return None  # "http://en.wikipedia.org/wiki/…" after "Please see:": the story's sources
        return "a social network's address alone on its line (an embedded post)", "embed"
    call = lexicon("link_calls").start(text, s.words)
    if call is not None and not word_set("speech_verbs").isdisjoint(s.wordset):
        return None  # "…, officials said": the story reports where something is, not a pointer
    if call is not None and _LINK.search(text, call.end()):
        return f"a pointer to a link ({call.group(0).lower()} … <address>)", "navigation"
    return None


def _bracketed_link(s: Shape) -> bool:
    """A line wholly in brackets that holds a link's address ("(For a graphic on asylum-seekers,
    click on: tmsnrt.rs/2NUL74l)", "[RELATED » Full coverage … » arkansasonline.com/elections/]"):
    the page's pointer to a graphic or another page, not the story's words."""
    text = s.text.strip()
    return (
        s.n <= _BRACKETED_LINK_WORDS
        and text[:1] in "(["
        and text[-1:] in ")]"
        and ("/" in text or "www." in text)
        and _LINK.search(text) is not None
    )


def _outlet_notes(s: Shape, v: Verdict) -> None:
    """A paywall note, a player's lead-in, a flattened newsletter widget, a teaser glued to a
    quoted headline, a byline with a role, a player's markup (:mod:`.notes`)."""
    if paywall_note(s):
        v.add(STRONG - v.score, "a paywall note", "newsletter_donation")
    elif verb := media_leadin(s):
        v.add(STRONG - v.score, f"a player's lead-in ({verb} …:)", "video_gallery")
    elif call := glued_call(s):
        v.add(
            STRONG - v.score,
            f"a newsletter's widget, flattened (… {call} …)",
            "newsletter_donation",
        )
    elif glued_headline(s):
        v.add(STRONG - v.score, "a related-link teaser (a quote or question:Headline)", "teaser")
    elif by_line(s):
        v.add(STRONG - v.score, "a byline with the writer's role (By Name, …)", "credit")
    elif player_markup(s):
        v.add(STRONG - v.score, 'a player\'s markup (attribute="http…")', "video_gallery")
    elif signed := post_signature(s):
        v.add(STRONG - v.score, f"an embedded post ({signed})", "embed")


def _series_blurb(s: Shape, v: Verdict) -> None:
    """A series' standing description at the head of the article ("A daily roundup of terrorism
    and security issues."; series_blurbs.txt): a short block (15 words at most) opening with it."""
    if s.n <= 15 and (m := lexicon("series_blurbs").start(s.text, s.words)) is not None:
        v.add(STRONG, f"a series' description ({m.group(0).lower()} …)", "navigation")


def _caption(s: Shape, v: Verdict) -> None:
    """Photo credits: an agency's name alone on its line ("AP", "Getty Images": the credit of a
    photo the text lost), a photo word and a colon with a credit after it at the start or the end
    ("(Photo: Jay Calderon/The Desert Sun)", "… Photograph: Jeff Roberson/AP"), an image label at
    the start ("Image copyright …"), or "Name / AGENCY" at the end."""
    if s.n > 80:
        return
    if s.n <= 5 and lexicon("photo_agencies").pattern.fullmatch(s.text.strip().rstrip(".")):
        v.add(STRONG, "an agency's name alone (a photo's credit)", "caption")
        return
    photo = lexicon("photo_words")
    if not photo.keys.isdisjoint(s.keyed) and (label := _caption_between(s.text, photo.pattern)):
        v.add(STRONG, f"a caption between its label and its credit ({label} … credit …)", "caption")
        return
    if not photo.keys.isdisjoint(s.keyed) and _photo_word_may_count(s.text, photo.pattern):
        for m in photo.pattern.finditer(s.text):
            before = s.text[: m.start()].rstrip()
            after = s.text[m.end() :]
            opens = not before or before[-1] in "(|[.!?”\"'" or before.endswith(("—", "-"))
            if m.group(0).lower() == "photos" and opens and len(after.split()) >= 4:
                continue  # "( PHOTOS: Newtown school shooting remembered)": a gallery's teaser
            if _PHOTO_CREDIT_TAIL.match(after) and (opens or len(after.split()) <= 12):
                v.add(STRONG, f"a photo credit ({m.group(0).lower()}: …)", "caption")
                return
            if not before and " " in m.group(0) and not after.lstrip().startswith(":"):
                v.add(STRONG, f"a photo label ({m.group(0).lower()})", "caption")
                return
    if (
        "/" in s.text
        and s.n <= 40
        and _SLASH_CREDIT.search(s.text)
        and not s.text.endswith(".")
        and not _paired_heading(s.text)
    ):
        v.add(STRONG, "a photo or agency credit (name / agency)", "caption")


def _paired_heading(text: str) -> bool:
    """Two words joined by a slash and nothing else, the second no agency's name nor in capitals
    ("Management/Budget", a heading of the story's list; not "Smith/Reuters", "Jones/AP")."""
    body = text.strip()
    if " " in body or body.count("/") != 1:
        return False
    second = body.split("/")[1]
    return not second.isupper() and not lexicon("photo_agencies").pattern.fullmatch(second)


def _caption_between(text: str, pattern: re.Pattern[str]) -> str | None:
    """The label of "Image <caption> Credit <credit>" ("Image The events in Cairo set off a
    violent backlash. Credit The New York Times", "… Credit... Jason Henry for The New York
    Times"): a photo word alone opens the block before a capitalised caption, and a capitalised
    photo word after the caption's words opens a credit of at most twelve words, in capitals,
    with no full stop at its end. None for anything else."""
    label = pattern.match(text)
    if label is None or not text[label.end() : label.end() + 2].startswith(" "):
        return None
    if not text[label.end() + 1 : label.end() + 2].isupper():
        return None
    for credit in pattern.finditer(text, max(label.end() + 12, len(text) - 120)):
        word = credit.group(0)
        tail = text[credit.end() :].lstrip(".:… ")
        if (
            word[:1].isupper()
            and text[credit.start() - 1 : credit.start()] == " "
            and tail[:1].isupper()
            and len(tail.split()) <= 12
            and not tail.rstrip().endswith(".")
        ):
            return label.group(0)
    return None


def _photo_word_may_count(text: str, pattern: re.Pattern[str]) -> bool:
    """Whether a photo word of ``text`` can be evidence in :func:`_caption`: a colon follows it
    (a credit: the text has a colon), or nothing but spaces comes before it (a label): a match at
    one of the first positions. Most blocks with a photo word ("the image of …") are neither."""
    if ":" in text:
        return True
    lead = len(text) - len(text.lstrip())
    return any(pattern.match(text, at) is not None for at in range(lead + 1))


def _video_gallery(s: Shape, v: Verdict) -> None:
    widget = lexicon("widget_phrases")
    m = widget.search(s.text, s.keyed, s.plain)
    if m and (not s.sentence_like or m.start() == 0):
        v.add(STRONG, f"a video or gallery widget ({m.group(0).lower()})", "video_gallery")
        return
    if (
        s.n <= 60
        and not s.sentence_like
        and (s.text[-1:] in _DURATION_LAST or s.text.endswith("\n"))  # "$": its end or a break
        and (end := DURATION_END.search(s.text))
    ):
        before = s.text[max(0, end.start() - 24) : end.start()]
        if s.n <= 25 or lexicon("player_buttons").pattern.search(before):
            v.add(STRONG, "a clip label with a duration", "video_gallery")
            return
    if 2 <= s.n <= 12 and not s.sentence_end:
        button = lexicon("player_buttons").pattern.search(s.text, max(0, len(s.text) - 14))
        if (
            button is not None
            and button.end() == len(s.text.rstrip())
            and button.group(0)[:1].isupper()  # a button's label, not "… at play"
        ):
            v.add(STRONG, f"a player's label (… {button.group(0).lower()})", "video_gallery")
            return
    first = s.text.split(maxsplit=2) if not s.sentence_like else []  # a sentence: no button
    if (
        len(first) == 3
        and len(first[0]) >= 4
        and first[0].isupper()
        and first[0].isalpha()
        and not first[1].isupper()
        and first[0].lower() in word_set("widget_words")
        and not s.sentence_like
    ):
        v.add(STRONG, f"a widget's button ({first[0]}) before its caption", "video_gallery")
        return
    if 1 <= s.n <= 5 and s.wordset <= (word_set("widget_words") | word_set("social_networks")):
        rest = re.sub(r"[\W\d_]+", "", " ".join(w for w in s.text.split() if not w.isalpha()))
        if not rest or DURATION.search(s.text):
            v.add(STRONG, "a widget's label", "video_gallery")


#: The last character of a block a duration closes (:data:`.shapes.DURATION_END`).
_DURATION_LAST = "0123456789)"


def _separator(s: Shape, v: Verdict) -> None:
    """A line of signs only ("***", "• • •", "___"): a separator the page drew."""
    if s.n == 0 and len(s.text) <= 40 and not any(c.isalnum() for c in s.text):
        v.add(STRONG, "a separator line (signs only)", "navigation")


def _gallery(s: Shape, v: Verdict) -> None:
    """A gallery's caption: "Photos: <title> Photos: <title> <caption …>" — a photo label whose
    title comes again right after it; or a slide's caption closed by the gallery's control and
    counter ("… Hide Caption 3 of 15"), whatever the slide quotes."""
    widget = lexicon("widget_phrases")
    if (
        not widget.keys.isdisjoint(s.keyed)
        and " of " in s.text
        and (counter := _GALLERY_COUNTER.search(s.text))
    ):
        before = s.text[max(0, counter.start() - 30) : counter.start()]
        control = widget.search(before, s.keyed)
        if control is not None and not before[control.end() :].strip():
            v.add(STRONG, f"a gallery's slide ({control.group(0)} n of m)", "video_gallery")
            return
    if ":" not in s.text[:30] or s.n < 6:
        return
    labelled = label_split(s.text)
    if (
        labelled is None
        or lexicon("photo_words").start(labelled.label, words_of(labelled.label)) is None
    ):
        return
    head = " ".join(s.words[1:5])
    if head and " ".join(s.words).count(head) >= 2:
        v.add(STRONG, f"a gallery's caption ({labelled.label}: … again)", "video_gallery")


def _teaser(s: Shape, v: Verdict, previous: Shape | None, i: int) -> None:
    labelled = label_split(s.text) if ":" in s.text else None
    if labelled is not None and headline_shaped(labelled.rest):
        label_words = words_of(labelled.label)
        known = lexicon("teaser_labels").start(labelled.label, label_words)
        if known is not None and known.end() >= len(labelled.label.lstrip("([ ")) - 1:
            v.add(STRONG, f"a related-link teaser ({labelled.label.lower()}: …)", "teaser")
            return
        glued = labelled.rest.lstrip("‘“'\"")[:1]
        # a label of up to six words glued to its headline ("USA TODAY's Editorial Board:John
        # McCain's death is a metaphor …", "Start the day smarter:Get …"): the page's link text
        if not labelled.spaced and len(label_words) <= 6 and (glued.isupper() or glued.isdigit()):
            v.add(STRONG, f"a related-link teaser ({labelled.label}:headline)", "teaser")
            return
        if labelled.bracketed and len(label_words) <= 5:
            v.add(STRONG, f"a related-link teaser in brackets ({labelled.label}: …)", "teaser")
            return
        asked = previous is not None and previous.text.rstrip().endswith("?")
        if not asked and _author_teaser(s, labelled.label, labelled.rest):
            v.add(STRONG, f"a related-link teaser by its author ({labelled.label}: …)", "teaser")
            return
    if labelled is not None and (link := link_label_teaser(s)) is not None:
        v.add(STRONG, f"a related-link teaser ({link.lower()}: …)", "teaser")
        return
    if (
        i > 0
        and s.n >= 7
        and previous is not None
        and previous.sentence_end
        and s.text[:12].isupper()
        and not s.text.rstrip("'\"’” ").endswith((".", "?", ":"))
        and caps_share(s.text) > 0.9
        and headline_shaped(s.text)
    ):
        v.add(STRONG, "a headline in capitals between paragraphs", "teaser")


def _author_teaser(s: Shape, label: str, rest: str) -> bool:
    """ "Conor Friedersdorf: Why I cover campus controversies": a link to another piece, named by
    its author — a label of two or three capitalised words opening with a given name, then a
    headline of three to fifteen words that is no sentence nor a question (not a speaker's turn
    of an interview: "Chris Wallace: And what about Iran?"), nor a line of a list after a
    question."""
    names = label.split()
    if not 2 <= len(names) <= 3 or not all(n[:1].isupper() for n in names) or label.isupper():
        return False  # "AMY GOODMAN: Do you think …": a transcript's turn
    if names[0].lower() not in word_set("given_names") or s.n > 20:
        return False
    if rest[:1] in '“"' and rest.rstrip()[-1:] in '”"':
        return False  # 'George W. Bush: "None of the above"': what someone said, a list's line
    end = rest.rstrip("”’\"' ")
    return 3 <= len(rest.split()) <= 15 and not end.endswith((".", "?", "!", "…", "—", "-"))


def _social(s: Shape, v: Verdict) -> None:
    if s.n > 40:
        return
    promo = lexicon("promo_openers").start(s.text, s.words) if s.n <= 25 else None
    if promo is not None:
        v.add(STRONG, f"a promotion ({promo.group(0).lower()} …)", "social")
        return
    networks = lexicon("social_networks")
    network = networks.search(s.text, s.keyed, s.plain)
    opener = lexicon("social_verbs").start(s.text, s.words)
    if network is None:
        if opener is not None and s.n <= 12 and not s.sentence_like and has_handle(s.text):
            v.add(STRONG, f"a follow line ({opener.group(0).lower()} @…)", "social")
        return
    if opener is not None or (has_handle(s.text) and not s.sentence_like):
        v.add(STRONG, f"a follow line ({network.group(0).lower()})", "social")
    elif (
        s.n <= _POINTER_WORDS
        and not s.sentence_like
        and lexicon("read_openers").start(s.text, s.words) is not None
    ):
        v.add(STRONG, f"a pointer to the outlet on {network.group(0).lower()}", "social")


def _outlet_promotion(s: Shape, v: Verdict, names_outlet) -> None:  # type: ignore[no-untyped-def]
    """A promotion of the outlet's own pages: a short line (15 words at most) opening with a
    reader's verb (outlet_promo_verbs.txt: "See all of …", "Read more from …") and naming the
    outlet — not a line of five words or more ending with a colon, which introduces what follows
    ("Watch <outlet>'s interview with X below:")."""
    if s.n > 15 or (s.n >= 5 and s.text.rstrip().endswith(":")):
        return
    verb = lexicon("outlet_promo_verbs").start(s.text, s.words)
    if verb is not None and names_outlet(s.text[verb.end() :]) is not None:
        v.add(STRONG, f"a promotion of the outlet's pages ({verb.group(0).lower()} …)", "social")


#: The most words a byline has (a block of more is the story's, for the bio rule's count).
_BYLINE_WORDS = 5
#: The marks a bio may be set after as a list item.
_BULLETS = "•·▪■* "


def _capitalised_words(blocks: list[Block]) -> Counter[str]:
    """How many blocks each capitalised word appears in (to tell whether a name is the story's)."""
    seen: Counter[str] = Counter()
    for block in blocks:
        seen.update(set(_CAPITALISED.findall(block.text)))
    return seen


def _bio(s: Shape, v: Verdict, i: int, n: int, blocks: list[Block]) -> None:
    """Author bios: a contact line, or "Name is a … / writes …" at the head or the tail about
    someone whose surname the story does not mention elsewhere: a name opening with a given name
    (given_names.txt) in the first two or last three blocks, any name of capitalised parts in the
    last two ("Abbe Gluck is professor of law …", "The Memo is a reported column by …")."""
    if s.n > 90:
        return
    contact = lexicon("contact_phrases").search(s.text, s.keyed, s.plain)
    if (
        contact
        and contact.group(0).lower().startswith("follow")
        and not (has_handle(s.text) or lexicon("social_networks").search(s.text, s.keyed, s.plain))
    ):
        contact = None  # "Follow her on Twitter", not "sure to follow him throughout the campaign"
    if contact and (s.n <= 60 or i >= n - 3 or i < 2):
        v.add(STRONG, f"an author's contact line ({contact.group(0).lower()})", "bio")
        return
    if has_email(s.text) and (s.n <= 40 or i >= n - 2):  # a column's blurb: "… pitch us at x@y"
        v.add(STRONG, "an author's contact line (e-mail)", "bio")
        return
    if not (i < 2 or i >= n - 3):
        return
    # at the tail, a bio may be set as a list item ("• Wesley Pruden is editor-in-chief emeritus
    # of The Times."); at the head a bulleted line is the story's list
    text = s.text.lstrip(_BULLETS) if i >= n - 3 else s.text
    note = lexicon("editor_notes").start(text, s.words)
    if note is not None:
        text = text[note.end() :].lstrip(" :")
    title = lexicon("name_titles").start(text, words_of(text[:20]))
    if title is not None:  # "Rep. Jody Hice is a Republican from Georgia."
        text = text[title.end() :].lstrip(". ")
    if has_quote_mark(text) and not word_set("speech_verbs").isdisjoint(s.wordset):
        return  # "X is an attorney with … She said … “…”": the story tells what X said
    name = leading_name(text)
    if name is None:
        return
    if name.split()[0].lower() not in word_set("given_names") and i < n - 2:
        return  # a rarer given name ("Abbe Gluck is professor of law …") in the last two blocks
    after = text[len(name) :].lstrip(" ,")
    if after.startswith("(@") and (close := after.find(")")) > 0:  # "Nate Hochman (@njhochman) is"
        after = after[close + 1 :].lstrip()
    if lexicon("bio_phrases").start(after, words_of(after[:40])) is None:
        return
    surname = name.split()[-1]
    # the story's blocks only: a byline at the head ("Jody Hice") names the author, not the story
    story = [b for b in blocks if b.text.count(" ") >= _BYLINE_WORDS]
    if _capitalised_words(story).get(surname, 0) <= 1 and _profiles(blocks, i) < _PROFILES:
        v.add(STRONG, f"an author's bio ({name} …)", "bio")


#: A story that profiles this many people ("Ken Blackwell is the senior fellow …", "Edwin Meese
#: is a fellow emeritus …") besides a bio-shaped block: that block is one more of its profiles.
_PROFILES = 2


def _profiles(blocks: list[Block], skip: int) -> int:
    """How many blocks other than ``skip`` open with a name and a bio's phrase (at most
    :data:`_PROFILES`: the count stops there)."""
    found = 0
    for k, block in enumerate(blocks):
        if k == skip or block.text.count(" ") < _BYLINE_WORDS:
            continue
        name = leading_name(block.text)
        if name is None:
            continue
        after = block.text[len(name) :].lstrip(" ,")
        if lexicon("bio_phrases").start(after, words_of(after[:40])) is not None:
            found += 1
            if found >= _PROFILES:
                break
    return found


def _credit(s: Shape, v: Verdict, edge: bool, names_outlet) -> None:  # type: ignore[no-untyped-def]
    """Credits (see the module docstring). A long one (a wire story's list of reporters, up to
    100 words) when its crediting phrase closes it ("… contributed to this report.") or its
    crediting word and colon open it ("Contributing: A, The Arizona Republic; B, …")."""
    if s.n > _LONG_CREDIT:
        return
    phrase = lexicon("credit_phrases").search(s.text, s.keyed, s.plain)
    if phrase is not None and _inside_sentence(s.text, phrase, s.sentence_like):
        phrase = None  # "… according to data compiled by Bloomberg.": the story's sentence
    if phrase and (s.n <= 40 or len(s.text.rstrip(" .)")) - phrase.end() <= 1):
        v.add(STRONG, f"a credit line ({phrase.group(0).lower()})", "credit")
        return
    words = lexicon("credit_words")
    if s.n > 45:
        start = words.start(s.text, s.words) if not words.keys.isdisjoint(s.keyed) else None
        if start is not None and s.text[start.end() : start.end() + 2].lstrip().startswith(":"):
            v.add(STRONG, f"a credit line ({start.group(0).lower()}: …)", "credit")
        return
    if not words.keys.isdisjoint(s.keyed):
        start = words.start(s.text, s.words)
        if start is not None:
            v.add(STRONG, f"a credit line ({start.group(0).lower()} …)", "credit")
            return
        end = words.pattern.search(s.text.rstrip(". "), max(0, len(s.text) - 40))
        if end is not None and end.end() >= len(s.text.rstrip(". ")) - 1 and s.n <= 30:
            v.add(STRONG, f"a credit line (… {end.group(0).lower()})", "credit")
            return
        if edge and s.n <= _SHORT_CREDIT and (m := words.search(s.text, s.keyed, s.plain)):
            v.add(
                STRONG, f"a short credit at the head or tail (… {m.group(0).lower()} …)", "credit"
            )
            return  # "Warren reported from Atlanta."
        for m in words.pattern.finditer(s.text) if ":" in s.text else ():  # the colon after
            if s.text[m.end() : m.end() + 2].lstrip().startswith(":"):
                v.add(STRONG, f"a credit line ({m.group(0).lower()}: …)", "credit")
                return
    if s.n <= 24 and not s.sentence_like:
        names, role = _role_tail(s.text)
        groups = name_groups(names)
        signed = s.text.lstrip()[:1] in _DASHES  # "—Natalie Andrews": a signature anywhere
        # "By Laurent Belsie, Staff writer": an opener and a role line, a section's byline
        opened = role and names.lstrip()[:3].lower() == "by "
        if groups and (opened or _byline(groups, edge or signed)):
            v.add(STRONG, "a byline (names only)" if not role else "a byline and role", "credit")
            return
    if 1 <= s.n <= 6 and not s.sentence_end:
        nouns = word_set("role_nouns")
        if s.wordset <= (word_set("roles") | nouns) and not s.wordset.isdisjoint(nouns):
            v.add(STRONG, "a byline's role line", "credit")


def _role_tail(text: str) -> tuple[str, str]:
    """A byline without the role line closing it after a comma ("By A and B, Staff writers" ->
    "By A and B", "Staff writers"); the text and "" when there is none."""
    head, comma, tail = text.rstrip(" .").rpartition(",")
    words = words_of(tail)
    nouns = word_set("role_nouns")
    if (
        not comma
        or not 1 <= len(words) <= 4
        or not set(words) <= (word_set("roles") | nouns)
        or set(words).isdisjoint(nouns)
    ):
        return text, ""
    return head, tail.strip()


#: The longest credit line, in words.
_LONG_CREDIT = 100
#: The most words of a credit at the head or the tail whose crediting word stands anywhere in it.
_SHORT_CREDIT = 8
#: The dashes a signature opens with ("—Natalie Andrews", "-- Tom Orlik and Maeva Cousin").
_DASHES = "—–-―"


def _inside_sentence(text: str, phrase: re.Match[str], sentence: bool = False) -> bool:
    """Whether a crediting phrase ending with "by" goes on from a word of a sentence in lower
    case ("data compiled by Bloomberg", "The vaccine, distributed by McKesson, …"), or from a
    capitalised word in a block that is a sentence ("Leaflets distributed by the party urged …"),
    rather than opening a credit ("Compiled by …", "(Reporting by …", "Written and produced by
    …"); whether another crediting phrase is followed by an attribution in a sentence ("Hat tip
    to the teachers …, the mayor said.") or goes on from a word in lower case with no piece named
    before it (credit_pieces.txt: "The letter was republished with permission of …")."""
    found = phrase.group(0).lower().split()
    before = text[: phrase.start()].split()
    # "The vaccine, distributed by McKesson, …": the comma is no break in the sentence
    last = before[-1].rstrip(",;") if before else ""
    in_lower_case = (
        last.isalpha()
        and (last.islower() or (sentence and not last.isupper()))
        and last not in word_set("credit_joiners")
    )
    if found and found[-1] in word_set("credit_agents"):
        return in_lower_case
    if sentence and not word_set("speech_verbs").isdisjoint(words_of(text[phrase.end() :])):
        return True  # "Hat tip to the teachers who …, the mayor said."
    # "The letter was republished with permission of the family …" (not "This article is
    # republished from …", "The Associated Press contributed to this report."): a phrase after a
    # word in lower case, not closing the block, that names no piece before it
    return (
        last.islower()
        and last not in word_set("credit_joiners")
        and len(text.rstrip(" .)")) - phrase.end() > 1
        and word_set("credit_pieces").isdisjoint(words_of(" ".join(before)))
    )


def _byline(groups: list[list[str]], edge: bool) -> bool:
    """Names a byline is made of: two or more, one of them starting with a given name or an
    initial ("Yousef Al-Helou, Ilana Conway and John Bacon"); or one, with a given name, at the
    head or the tail ("David Jackson") or with an initial or a suffix anywhere ("Ruben
    Navarrette Jr.")."""
    given = word_set("given_names")
    known = [g[0].lower() in given or (len(g[0]) == 2 and g[0].endswith(".")) for g in groups]
    if len(groups) >= 2:
        return any(known)
    return known[0] and (edge or strong_name(groups[0]))


def _data_widget(s: Shape, v: Verdict) -> None:
    if s.n <= 25:
        fallback = lexicon("fallbacks").search(s.text, s.keyed, s.plain)
        if fallback and not s.sentence_like:
            v.add(STRONG, f"a chart or map's fallback ({fallback.group(0).lower()})", "data_widget")
            return
    if s.sentence_end and s.function_share >= 0.2:
        return
    numbers = len(_NUMBER.findall(s.text))
    if numbers >= 4 and numbers >= 0.35 * (s.n + numbers) and _number_run(s.text):
        v.add(STRONG, "a table of numbers, not a sentence", "data_widget")


def _keyword_list(s: Shape, v: Verdict) -> None:
    """A page's keywords flattened into text: four or more items parted by commas, each of one
    to three words, not a capital letter in the block and no sentence ("kasich, will, quit, if,
    no, ohio, win")."""
    if not 4 <= s.n <= 30 or s.sentence_end or s.text.count(",") < 3 or not s.text.islower():
        return
    items = [item.split() for item in s.text.split(",")]
    if all(1 <= len(item) <= 3 for item in items):
        v.add(STRONG, "a page's keyword list", "navigation")


def _number_run(text: str) -> bool:
    """Three numbers in a row, as a table's cells are ("2,814 1,893 56 2,382"), not a list's
    "Colorado (9), Michigan (16)"."""
    run = 0
    for token in text.split():
        run = run + 1 if _NUMBER_TOKEN.match(token) else 0
        if run >= 3:
            return True
    return False


def _explainer(s: Shape, v: Verdict) -> None:
    control = lexicon("explainer_controls").search(s.text, s.keyed, s.plain)
    if control:
        v.add(STRONG, f"an explainer box ({control.group(0).lower()})", "other")


def _forms(s: Shape, v: Verdict) -> None:
    """A reader form's words in a prompt of its own ("Send us your questions"), not in someone's
    words ("Can I answer your question?" — a prompt quotes no one): a short block (30 words), or
    one of 60 when the words are a form's own phrase of three or more ("your question will be
    published")."""
    if s.n <= 60 and not has_quote_mark(s.text):
        form = lexicon("forms").search(s.text, s.keyed, s.plain)
        if form and (s.n <= 30 or len(form.group(0).split()) >= 3):
            v.add(STRONG, f"a reader form ({form.group(0).lower()})", "other")


def _calls_to_action(s: Shape, v: Verdict, i: int, names_outlet) -> None:  # type: ignore[no-untyped-def]
    text = s.text
    found = False
    # each family's search finds nothing when none of its key words is the block's
    for family in () if _cta_keys().isdisjoint(s.keyed) else _CTA_FAMILIES:
        m = lexicon(family).search(text, s.keyed, s.plain)
        if m:
            strong = s.n <= 15 and (
                _cta_is_the_block(family, m, s)
                or (family == "newsletter_donation" and names_outlet(text) is not None)
            )  # "It's For the Record, the politics newsletter from <outlet>."
            if family == "legal" and not strong and s.n <= _RIGHTS_WORDS:
                strong = _rights_notice(text)
            v.add(
                STRONG if strong else MEDIUM,
                f"call to action ({m.group(0).lower()})",
                _CTA_FAMILY.get(family, family),
            )
            found = True
            break
    if s.n <= 80 and v.score < STRONG:
        fine = lexicon("signup_fine_print").search(text, s.keyed, s.plain)
        if fine:  # a sign-up form's fine print: the whole block is the form
            v.add(STRONG - max(v.score, 0.0), f"a sign-up form ({fine.group(0).lower()})",
                  "newsletter_donation")  # fmt: skip
            found = True
    if not found:
        sign = next((sym for sym in symbols() if sym in text), None)
        if sign:
            v.add(STRONG if s.n <= 15 else MEDIUM, f"call to action ({sign})", "legal")
            found = True
    opener = lexicon("appeal_openers").start(text, s.words)
    appeal_word = not word_set("appeal_words").isdisjoint(s.wordset)
    banner = opener is not None or (
        appeal_word and s.words and s.words[0] in word_set("appeal_words") and text.endswith("!")
    )
    # a short sentence naming the outlet is not its banner ("The Bloomberg Commodity Index rose.")
    if (banner or (s.n <= 6 and not (s.sentence_end and s.n >= 5))) and names_outlet(text):
        if s.n <= 3 and not banner:
            v.add(STRONG, "the outlet's name (a byline's)", "credit")
        else:
            v.add(STRONG, "the outlet's own banner", "newsletter_donation")
    elif banner and s.n <= 8:
        v.add(STRONG, "appeal banner", "newsletter_donation")
    if i < 3 and is_tag_line(text):
        v.add(STRONG, "section tag line", "navigation")
    if s.n <= 8 and appeal_word and not found:
        v.add(MEDIUM, "short appeal", "newsletter_donation")
    appeal = _first_plural_appeal(s)
    if appeal:
        v.add(MEDIUM, f"appeal ({appeal})", "newsletter_donation")
    elif (
        not word_set("first_plural").isdisjoint(s.wordset)
        and _plural_count(s) >= 3
        and names_outlet(text)
    ):
        v.add(MEDIUM, "the outlet speaking of itself", "newsletter_donation")


#: The longest rights notice, in words (a wire story's: "Copyright 2018 The Associated Press.
#: All rights reserved. This material may not be published, broadcast, rewritten or …").
_RIGHTS_WORDS = 40


def _rights_notice(text: str) -> bool:
    """Whether ``text`` holds two different phrases of the rights (legal.txt): a notice however
    long, not a story's sentence that names copyright once."""
    found = {m.group(0).lower() for m in lexicon("legal").pattern.finditer(text)}
    return len(found) >= 2


@cache
def _cta_keys() -> frozenset[str]:
    """The key words of every vocabulary of calls to action (no tuple to hash per block)."""
    return key_words(_CTA_FAMILIES)


def _cta_is_the_block(family: str, m: re.Match[str], s: Shape) -> bool:
    """A call to action that makes the short block what it is: an appeal or sign-up that opens it
    or has at most six words around it ("Sign up for …", not "… hoping to start signing up people
    …"); a page's section label with at most three more words ("Story highlights", not "Story
    highlights <a highlight>"); buttons, rights and sharing lines wherever they stand."""
    if family == "newsletter_donation":
        if _titled_heading(m, s):
            return False
        return m.start() <= 2 or s.n <= 6
    if family == "section_labels":
        return s.n - len(m.group(0).split()) <= 3
    return True


def _titled_heading(m: re.Match[str], s: Shape) -> bool:
    """A subheading in title case that opens with an appeal's noun and goes on with three words
    or more of its own ("Donations In Full Force"), not a button ("Donate Now", "Sign Up For Our
    Newsletter": a verb's call, or an appeal's word among the rest)."""
    found = m.group(0).split()
    rest = s.text[m.end() :].split()
    if len(found) != 1 or m.start() > 0 or len(rest) < 3 or s.sentence_end:
        return False
    if not all(w[:1].isupper() for w in rest) or not found[0].lower().endswith("s"):
        return False  # a plural noun ("Donations", "Subscriptions"), not a verb ("Donate")
    return word_set("appeal_words").isdisjoint(words_of(" ".join(rest)))


def _plural_count(s: Shape) -> int:
    return sum(s.words.count(w) for w in word_set("first_plural"))


def _first_plural_appeal(s: Shape) -> str | None:
    m = lexicon("appeals").search(s.text, s.keyed, s.plain)
    if m is None:
        return None
    if not word_set("first_plural").isdisjoint(s.wordset) or not word_set(
        "second_person"
    ).isdisjoint(s.wordset):
        return m.group(0).lower()
    return None


# --- across the blocks of an article -----------------------------------------------------------


def _trigrams(words: list[str]) -> set[tuple[str, str, str]]:
    return {(words[k], words[k + 1], words[k + 2]) for k in range(len(words) - 2)}


def _pull_quotes(shapes: list[Shape], verdicts: list[Verdict], quoting: list[bool]) -> None:
    """A pull quote: a block of prose of 10 to 45 words between two paragraphs (not one of a
    head's highlights), not closed by a full stop and quoting no one by name, at least 80% of
    whose word trigrams (and eight or more) are in a block of the
    article's body at least as long and not next to it (a heading that repeats the opening of
    the paragraph under it is the story's). The body leaves out the first two blocks (a headline
    and standfirst the story echoes). Of two blocks of about the same length, the copy is the one
    that does not say who speaks, else the later. Found cheaply: a block is compared only with
    blocks that hold one of its five-word runs (its start, middle or end)."""
    n = len(shapes)
    if n < 4:
        return
    joined: list[str] = []  # each block's words, and the body's, made for the first candidate
    body = ""
    for k, s in enumerate(shapes):
        if (
            not 10 <= s.n <= 45
            or not 0 < k < n - 1
            or not (shapes[k - 1].sentence_like and shapes[k + 1].sentence_like)
            or verdicts[k].score >= STRONG
            or quoting[k]
            or s.text.rstrip("'\"’”) ").endswith(".")
            or s.function_share < 0.25
        ):
            continue
        if not joined:
            joined = [" ".join(shape.words) for shape in shapes]
            body = "\n".join(joined[2:])
        probes = {" ".join(s.words[a : a + 5]) for a in (0, (s.n - 5) // 2, s.n - 5)}
        own = 1 if k >= 2 else 0
        if not any(body.count(probe) > own for probe in probes):
            continue
        mine = _trigrams(s.words)
        for j in range(2, n):
            if abs(j - k) < 2 or shapes[j].n < s.n or not any(p in joined[j] for p in probes):
                continue
            if shapes[j].n < 1.1 * s.n and j > k and not quoting[j]:
                continue  # about as long, later, quoting no one: that one is the copy, if any
            shared = len(mine & _trigrams(shapes[j].words))
            if shared >= 8 and shared >= 0.8 * len(mine):
                verdicts[k].add(STRONG, f"a pull quote (repeats block {j})", "embed")
                break


def _spaced_pull_quotes(shapes: list[Shape], verdicts: list[Verdict]) -> None:
    """A pull quote as its widget prints it, "“ <words> ”" with the marks set apart by spaces,
    of 6 to 60 words, half of whose word trigrams (and four or more) another block of the
    article holds: the story's sentence, lifted out (the article's own quotations are not
    spaced so)."""
    for k, s in enumerate(shapes):
        if not 6 <= s.n <= 60 or verdicts[k].score >= STRONG or not _SPACED_QUOTE.match(s.text):
            continue
        mine = _trigrams(s.words)
        for j, other in enumerate(shapes):
            if j == k or other.n < s.n:
                continue
            shared = len(mine & _trigrams(other.words))
            if shared >= 4 and shared >= 0.5 * len(mine):
                verdicts[k].add(STRONG, f"a pull quote (“ … ”, repeats block {j})", "embed")
                break


def _forms_prompts(shapes: list[Shape], verdicts: list[Verdict]) -> None:
    """The question that invites readers to a form ("What questions do you have about …?") goes
    with the form right after it."""
    for k in range(len(shapes) - 1):
        if (
            verdicts[k + 1].family == "other"
            and verdicts[k].score < STRONG
            and shapes[k].text.endswith("?")
            and shapes[k].n <= 25
        ):
            verdicts[k].add(STRONG, "a reader form's prompt", "other")


def _button_runs(
    blocks: list[Block], shapes: list[Shape], verdicts: list[Verdict], quoting: list[bool]
) -> None:
    """Runs of button labels: three or more consecutive blocks of at most three words — not a
    list the story introduces (the block before the run ends with a colon, or the run lies
    between paragraphs of the story and none of its items is furniture by itself), not the
    turns of a transcript ("Hi, Julie.")."""
    n = len(blocks)
    transcript: bool | None = None
    i = 0
    while i < n:
        j = i
        while j < n and shapes[j].n <= 3 and not quoting[j]:
            j += 1
        if j - i >= 3:
            introduced = i > 0 and blocks[i - 1].text.rstrip().endswith(":")
            inside = (
                i > 0
                and j < n
                and shapes[i - 1].sentence_like
                and shapes[j].sentence_like
                and not any(verdicts[k].score >= MEDIUM for k in range(i, j))
            )
            if transcript is None:
                transcript = is_transcript(blocks)
            if not (introduced or inside or transcript):
                for k in range(i, j):
                    verdicts[k].add(STRONG, "run of button labels", "navigation")
        i = max(j, i + 1)


_SPEAKER_LABEL = re.compile(r"^[A-Za-z][A-Za-z.' -]{1,40}:?$")


def is_transcript(blocks: list[Block]) -> bool:
    """An interview or podcast transcript: speakers' names ("michael barbaro", "JULIE DAVIS:",
    two to four words) each followed by a sentence they say — six turns or more, two or more
    speakers with two turns each."""

    def label(k: int) -> str | None:
        text = blocks[k].text.strip()
        ok = 2 <= len(text.split()) <= 4 and _SPEAKER_LABEL.match(text)
        return text.rstrip(":").lower() if ok else None

    labels: Counter[str] = Counter()
    for k in range(len(blocks) - 1):
        name = label(k)
        if name and label(k + 1) is None and SENTENCE_END.search(blocks[k + 1].text):
            labels[name] += 1  # a name, then what that person says
    return sum(labels.values()) >= 6 and sum(1 for count in labels.values() if count >= 2) >= 2


def extend_runs(blocks: list[Block], verdicts: list[Verdict]) -> None:
    """Head and tail runs: evidence-bearing or tiny blocks next to strong ones go together, named
    by the family of the run's first strong block. A paragraph of prose (25 words or more) joins
    a run only for an appeal or a repeat ("We, the journalists of …"), not for a word of a call to
    action in its sentences ("… a donation to the campaign …")."""
    n = len(blocks)

    def in_run(k: int) -> bool:
        verdict, text = verdicts[k], blocks[k].text
        words = len(text.split())
        if words <= 3:
            return True
        if verdict.score < MEDIUM:
            return False
        if words >= 25 and SENTENCE_END.search(text):
            return any(r.startswith(_RUN_REASONS) for r in verdict.reasons)
        return True

    for order in (range(n - 1, -1, -1), range(n)):
        run = []
        for k in order:
            if not in_run(k) or verdicts[k].score < 0:
                break
            run.append(k)
        anchor = next((k for k in run if verdicts[k].score >= STRONG), None)
        if anchor is not None and len(run) < n:
            for k in run:
                if verdicts[k].score < STRONG:
                    verdicts[k].add(
                        STRONG - verdicts[k].score,
                        "part of a boilerplate run at the "
                        + ("tail" if order.start == n - 1 else "head"),
                        verdicts[anchor].family,
                    )


#: The reasons that take a paragraph of prose into a head or tail run.
_RUN_REASONS = ("appeal", "the outlet", "repeated", "short appeal")
