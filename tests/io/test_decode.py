import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpuscli.errors import InputError
from corpuscli.io.decode import decode_bytes, normalize_text
from tests.conftest import SEED_000


def test_normalize_fixes_transport_noise_only():
    raw = "Putin\u00a0said\r\nit\u200b was “open” — Russia’s\u2009view\r"
    assert normalize_text(raw) == "Putin said\nit was “open” — Russia’s view\n"


def test_normalize_nfc_composes():
    assert normalize_text("cafe\u0301") == "café"


def test_normalize_ascii_fast_path_strips_controls():
    assert normalize_text("a\x00b\r\nc\x0cd") == "ab\nc\nd"


def test_seed_nbsp_become_spaces():
    text = normalize_text(SEED_000.read_text(encoding="utf-8"))
    assert "\u00a0" not in text
    assert "Russia‘s position" in text  # curly quotes untouched


def test_utf8_bom_dropped():
    assert decode_bytes(codecs.BOM_UTF8 + b"Shusha").text == "Shusha"


def test_utf16_with_bom():
    data = codecs.BOM_UTF16_LE + "Шуша and Shushi".encode("utf-16-le")
    assert decode_bytes(data).text == "Шуша and Shushi"


def test_legacy_encoding_is_detected_and_flagged():
    line = "Le président a déclaré que la réunion était très importante pour l’économie. "
    decoded = decode_bytes((line * 3).encode("cp1252"))
    assert decoded.detected
    assert decoded.encoding == "cp1252"
    assert "président" in decoded.text and "l’économie" in decoded.text


@pytest.mark.parametrize(
    ("damage", "places"),
    [(b"\xff", "1 invalid byte sequence"), (b"\xe2\x80", "1 invalid byte sequence"),
     (b"\xc3", "1 invalid byte sequence"), (b"\xff\xfe\xc3", "3 invalid byte sequences")],
    ids=["stray", "cut", "lead", "three"],
)  # fmt: skip
def test_utf8_with_a_few_broken_bytes_stays_utf8(damage, places):
    """A UTF-8 article damaged in a few places (a download cut and resumed, a stray byte) was
    handed to the legacy detector, which read the whole article as mac_iceland: every curly
    quote and dash garbled ("Russia‚Äôs"). The bytes that are UTF-8 are read as UTF-8, each
    broken place as U+FFFD, and the warning says how many."""
    data = SEED_000.read_bytes()
    cut = data.index(b"The Russian president")
    decoded = decode_bytes(data[:cut] + damage + data[cut:], where="seed.txt")
    assert decoded.detected  # worth a warning
    assert decoded.encoding == f"UTF-8, {places} replaced by U+FFFD"
    assert "Russia’s position" in decoded.text  # (the seed's own apostrophe)
    assert decoded.text.replace("\ufffd", "") == data.decode("utf-8")


def test_a_legacy_file_with_one_accidental_utf8_pair_is_still_legacy():
    line = "Le président a déclaré que la réunion était très importante pour l’économie. "
    data = (line * 3).encode("cp1252") + "Ã©".encode("cp1252")  # reads as UTF-8 "é"
    assert decode_bytes(data).encoding == "cp1252"


def test_forced_encoding_and_errors():
    assert decode_bytes("crème".encode("latin-1"), encoding="latin-1").text == "crème"
    with pytest.raises(InputError, match="cannot decode as utf-8"):
        decode_bytes(b"cr\xe8me", encoding="utf-8", where="x.txt")
    with pytest.raises(InputError, match="unknown encoding"):
        decode_bytes(b"x", encoding="no-such-codec")


def test_binary_is_refused():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


@given(st.binary(max_size=2000))
def test_no_byte_sequence_crashes_the_decoder(data):
    try:
        decoded = decode_bytes(data)
    except InputError:
        return
    text = normalize_text(decoded.text)
    assert normalize_text(text) == text  # idempotent
    assert "\r" not in text and "\u00a0" not in text


@given(st.text(max_size=500))
def test_normalize_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_every_noise_character_is_unprintable():
    """normalize_text skips its substitutions for printable text: that is only right while every
    character they replace or remove is unprintable."""
    import sys

    from corpuscli.io.decode import _ANY_NOISE

    noise = [chr(c) for c in range(sys.maxunicode + 1) if _ANY_NOISE.match(chr(c))]
    assert len(noise) > 40
    assert not [c for c in noise if c.isprintable() and c != "\n"]
