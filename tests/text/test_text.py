from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from corpuscli.text.tokens import Tokenizer
from tests.conftest import SEED_000


def test_apostrophes_fold_and_words_stay_whole():
    tok = Tokenizer()
    assert tok.tokens("Russia’s and Russia's") == ["russia's", "and", "russia's"]
    assert tok.tokens("Armenia-held U.S.-led 30,000") == ["armenia-held", "u.s.", "led", "30,000"]


def test_keep_case_and_drop_numbers():
    assert Tokenizer(lower=False, keep_numbers=False).tokens("In 1994 Putin") == ["In", "Putin"]


def test_counts_equal_token_sequence_on_a_seed():
    text = SEED_000.read_text(encoding="utf-8")
    tok = Tokenizer()
    assert tok.counts(text) == Counter(tok.tokens(text))


@given(st.text(max_size=300))
def test_fast_counts_equal_the_plain_regex(text):
    tok = Tokenizer()
    plain = Counter(
        t.lower()
        for t in tok.findall(
            text.translate(
                str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‛": "'", "′": "'", "´": "'"})
            )
        )
    )
    assert tok.counts(text) == plain
