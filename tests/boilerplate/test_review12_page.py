"""Review of round 12's page mode on real excerpts of news pages (Mozilla Readability's news
test pages): what the round's rules kept as story that is furniture."""

from __future__ import annotations

from tests.boilerplate.test_page_extent import MENU, kept


def test_a_second_comments_heading_right_after_a_comments_button_heads_the_thread():
    # wapo-2: a hard-wrapped story, share buttons with a "Comments" button, then "Comments"
    # again heading the comment section's badge help (wrapped too, so read as paragraphs)
    story = [
        "to take significant political risks,” Obama said in his speech. Palestinian",
        "Authority President Mahmoud Abbas “has put aside efforts to shortcut the",
        "pursuit of peace and come to the negotiating table. Prime Minister Netanyahu",
        "has released Palestinian prisoners and reaffirmed his commitment to a Palestinian",
        "state.”",
        "Today, the signals could not differ more. The",
        "Palestinian Authority has said that after it joins the International Criminal",
        "Court at The Hague on April 1, it will press war crimes charges against",
        "Israel for the bloody Gaza conflict during the summer. Israel, which controls",
        "tax receipts, has pledged to punish the Palestinian Authority by freezing",
        "its tax revenue.",
        "The United States, which gives hundreds of millions of dollars of economic",
        "aid to the Palestinian Authority, would be caught in the middle. It has",
        "been trying to persuade both sides to stand down, but Netanyahu’s declaration",
        "that there would be no Palestinian state on his watch makes that more difficult.",
        "“Now it’s hard to see what could persuade the Palestinians” to hold up",
        "on their ICC plans, Indyk said. “That has nothing to do with negotiations,",
        "but if both sides can’t be persuaded to back down, then they will be on",
        "a trajectory that could lead to the collapse of the Palestinian Authority",
        "because it can’t pay wages anymore.",
        "“That could be an issue forced onto the agenda about the same time as",
        "a potential nuclear deal.”",
        "Steven Mufson covers the White House. Since joining The Post, he has covered",
        "economics, China, foreign policy and energy.",
    ]
    furniture = [
        "Share on FacebookShare",
        "Share on TwitterTweet",
        "Comments",
        "Show Comments",
        "Discussion Policy",
        "Comments",
        "SuperFan Badge",
        "SuperFan badge holders consistently post smart, timely comments about",
        "Washington area sports and teams.",
        "More about badges |",
        "Request a badge",
        "Culture Connoisseur Badge",
        "Culture Connoisseurs consistently offer thought-provoking, timely comments",
        "on the arts, lifestyle and entertainment.",
        "More about badges |",
        "Request a badge",
        "Fact Checker Badge",
        "Fact Checkers contribute questions, information and facts to The Fact Checker.",
        "More about badges |",
        "Request a badge",
        "Washingtologist Badge",
        "Washingtologists consistently post thought-provoking, timely comments",
        "on events, communities, and trends in the Washington area.",
        "More about badges |",
        "Request a badge",
        "Post Writer Badge",
        "This commenter is a Washington Post editor, reporter or producer.",
        "Post Forum Badge",
        "Post Forum members consistently offer thought-provoking, timely comments",
        "on politics, national and international affairs.",
        "More about badges |",
        "Request a badge",
        "Weather Watcher Badge",
        "Weather Watchers consistently offer thought-provoking, timely comments",
        "on climates and forecasts.",
        "More about badges |",
        "Request a badge",
        "World Watcher Badge",
        "World Watchers consistently offer thought-provoking, timely comments on",
        "international affairs.",
        "More about badges |",
        "Request a badge",
        "Post Contributor Badge",
        "This commenter is a Washington Post contributor. Post contributors aren’t",
        "staff, but may write articles or columns. In some cases, contributors are",
        "sources or experts quoted in a story.",
        "More about badges |",
        "Request a badge",
        "Post Recommended",
        "Washington Post reporters or editors recommend this comment or reader",
        "post.",
        "You must be logged in to report a comment.",
        "Sign in here",
        "You must be logged in to recommend a comment.",
        "Sign in here",
        "Comments our editors find particularly useful or relevant are displayed",
        "in Top Comments, as are comments by users with these badges: .",
        "Replies to those posts appear here, as well as posts by staff writers.",
        "All comments are posted in the All Comments tab.",
        "More about badges",
        "Get a badge",
        'To pause and restart automatic updates, click "Live" or "Paused". If paused,',
        "you'll be notified of the number of additional comments that have come",
        "in.",
        "Comments our editors find particularly useful or relevant are displayed",
        "in Top Comments, as are comments by users with these badges: .",
        "Replies to those posts appear here, as well as posts by staff writers.",
        "Spam",
    ]
    out = kept([*MENU, *story, *furniture, *MENU])
    assert sum(text in out for text in story) >= len(story) - 1
    assert not [text for text in out if text in furniture]


def test_a_spanish_most_read_box_is_a_section_label():
    from corpuscli.boilerplate.page import _marker

    assert _marker("Las más leídas") == "section"
    assert _marker("Los más leídos") == "section"
