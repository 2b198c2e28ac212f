"""The lines of an embedded social post above its attribution line.

A post copied into the text keeps its line breaks, so only its last line carries "— Name
(@handle) Month D, YYYY" (:data:`.shapes.TWEET_ATTRIBUTION`, found by :mod:`.rules`); the lines
above it are the post's too when they are shaped like a post and not like the story:

- a line that names a handle as a word of its sentence ("She and @RashidaTlaib will be …",
  "… look no further than the @nytimes cartoon …"), quoting no one and with none of the words a
  reporter tells of a post with ("Twitter user @x …", "… she tweeted"; post_narration.txt), of
  at most 280 characters (a post's length);
- the short lines of a list the post makes (poll rows "Biden 33 (-2)", "KY 27%", the pollster's
  name above them): three or more lines in a row of at most five words with no full stop, whose
  characters with the attribution line's own text are at most 280 (one post);
- a short title line (at most six words, no full stop) right above a line of the post.

Walking up from the attribution line, the first line that is none of these ends the post: the
story's paragraph before it stays, and so does the line introducing the post ("… tweeted:"). A
line of evidence against boilerplate (an editor's note) or that quotes someone stops the walk."""

from __future__ import annotations

from .evidence import STRONG, Verdict
from .shapes import TWEET_ATTRIBUTION, Shape, has_handle
from .vocabulary import word_set

#: A post's length, in characters.
POST_LENGTH = 280
#: The most lines of a post above its attribution line.
_MOST_LINES = 16
#: A line of a post's list: at most this many words.
_LIST_LINE_WORDS = 5


def mark_post_lines(shapes: list[Shape], verdicts: list[Verdict], quoting: list[bool]) -> None:
    """Strong embed evidence for the lines of a post above its attribution (module docstring)."""
    for j, s in enumerate(shapes):
        if "(@" not in s.text or verdicts[j].family != "embed":
            continue
        m = TWEET_ATTRIBUTION.search(s.text)
        if m is None:
            continue
        run = _post_lines(shapes, verdicts, quoting, j, m.start())
        for k in run:
            verdicts[k].add(
                STRONG, "a line of an embedded post (above its — name (@handle))", "embed"
            )


def _post_lines(
    shapes: list[Shape], verdicts: list[Verdict], quoting: list[bool], j: int, own: int
) -> list[int]:
    """The lines above the attribution at ``j`` (whose post text is ``own`` characters) that are
    the post's, nearest first."""
    total = own
    run: list[tuple[int, bool]] = []  # (block, names a handle), nearest first
    k = j - 1
    while k >= 0 and j - k <= _MOST_LINES:
        s, v = shapes[k], verdicts[k]
        if v.score < 0 or quoting[k] or v.family == "embed":
            break
        handle = _handle_line(s)
        if not handle and not (
            s.n <= _LIST_LINE_WORDS and not s.sentence_end and total + len(s.text) <= POST_LENGTH
        ):
            break
        run.append((k, handle))
        total += len(s.text)
        k -= 1
    if sum(1 for _, handle in run if not handle) >= 3:
        return [k for k, _ in run]  # a list the post makes
    last = max((n for n, (_, handle) in enumerate(run) if handle), default=None)
    if last is None:
        return []
    return [k for k, _ in run[: last + 2]]  # up to its topmost handle line, and a title above


def _handle_line(s: Shape) -> bool:
    """A line naming a handle as a word of its sentence, quoting no one, telling of no post."""
    return (
        len(s.text) <= POST_LENGTH
        and "@" in s.text
        and has_handle(s.text)
        and '"' not in s.text
        and "“" not in s.text
        and "”" not in s.text
        and word_set("post_narration").isdisjoint(s.wordset)
    )
