"""Round 10 of the boilerplate rules: word lists moved to data, story headings an outlet repeats."""

from __future__ import annotations

from corpuscli.boilerplate.quote_sources import name_words, source_line
from corpuscli.boilerplate.vocabulary import word_set


def test_source_name_words_are_data_with_signs_kept() -> None:
    words = name_words()
    assert {"of", "the", "&"} <= words
    assert source_line("Editorial Board, The Journal of Commerce")
    assert source_line("— Procter & Gamble")
    assert not source_line("Editorial Board, The Journal Which Said So.")


def test_crediting_words_are_data() -> None:
    assert "by" in word_set("credit_agents")
    assert "and" in word_set("credit_joiners")
    assert {"we", "our", "us"} <= word_set("first_plural")
    assert "your" in word_set("second_person")


def test_a_repeated_section_heading_of_the_story_is_kept() -> None:
    """A roundup's "From the Left" heading, printed in every article of the outlet, heads the
    story's own text: kept, though the outlet repeats it; other repeated lines still go."""
    import pandas as pd

    from corpuscli.boilerplate.detection import detect

    texts = []
    for k in range(8):
        texts.append(
            f"Congress passed bill number {k} on Tuesday after a long debate in the chamber.\n"
            "From the Left\n"
            f"Critics on the left said bill {k} does too little for working families today.\n"
            "Subscribe to our daily newsletter\n"
        )
    frame = pd.DataFrame(
        {"doc_id": [f"d{k}" for k in range(8)], "source": "Roundup", "text": texts}
    )
    verdicts = detect(frame, jobs=1)
    heading = verdicts[verdicts["text"] == "From the Left"]
    assert len(heading) == 8 and not heading["boilerplate"].any()
    assert verdicts[verdicts["text"].str.startswith("Subscribe")]["boilerplate"].all()


def test_a_sign_up_form_with_its_fine_print_is_removed_whatever_its_pitch() -> None:
    import pandas as pd

    from corpuscli.boilerplate.detection import detect

    form = (
        "Health Pulse newsletter Get the latest on the health care fight, every weekday morning "
        "— in your inbox. Email Sign Up By signing up you agree to receive email newsletters or "
        "alerts from us. You can unsubscribe at any time."
    )
    story = "The senator said the bill would lower prices for patients across the country."
    frame = pd.DataFrame({"doc_id": ["a"], "source": "S", "text": [f"{story}\n{form}\n{story}"]})
    verdicts = detect(frame, jobs=1)
    assert verdicts["boilerplate"].tolist() == [False, True, False]
    assert verdicts["family"].iloc[1] == "newsletter_donation"
