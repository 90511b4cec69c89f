import pytest

from labeler.article import check_text, decode_bytes, from_file, from_html
from labeler.errors import InputError


@pytest.mark.parametrize("bad, message", [
    (None, "no text"),
    ("", "empty"),
    ("   \n\t ", "empty"),
    ("abc\x00\x01\x02" * 100, "binary"),
])
def test_unusable_text_gets_a_clear_error(bad, message):
    with pytest.raises(InputError, match=message):
        check_text(bad)


def test_oversized_text_says_the_limit():
    with pytest.raises(InputError, match="more than the limit"):
        check_text("word " * 100, max_chars=50)


def test_latin1_bytes_are_decoded_not_refused():
    assert decode_bytes("Łódź café".encode("utf-8")) == "Łódź café"
    assert "caf" in decode_bytes("Le café est très bon, déjà vu à Paris.".encode("latin-1"))


def test_unknown_encoding_name_is_reported():
    with pytest.raises(InputError, match="unknown encoding 'no-such-codec'"):
        decode_bytes(b"abc", encoding="no-such-codec")


def test_missing_file_is_named(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        from_file(tmp_path / "nope.txt")


HTML = """<!doctype html><html><head><title>Grain talks</title>
<meta property="og:site_name" content="Newsfeed Aggregate">
<link rel="canonical" href="https://www.newsfeed-aggregate.net/2025/grain">
<script type="application/ld+json">{"@type": "NewsArticle", "isBasedOn": {"@type": "CreativeWork", "name": "Sputnik"},
 "author": {"name": "Staff"}}</script></head>
<body><nav>Home | World</nav><article><h1>Russia, Egypt discuss grain</h1>
<p>Russia and Egypt discussed expanding grain supplies on Tuesday, officials from both countries said after the meeting in Cairo.</p>
<p>The talks covered wheat deliveries for the coming season and new port logistics, the ministry said in a statement.</p>
</article></body></html>"""


def test_html_gives_text_and_the_provenance_meta_tags():
    art = from_html(HTML)
    assert "grain supplies" in art.text and "Home | World" not in art.text
    keys = {(m.key, m.value) for m in art.meta}
    assert ("og:site_name", "Newsfeed Aggregate") in keys
    assert ("isBasedOn", "Sputnik") in keys
    assert art.url == "https://www.newsfeed-aggregate.net/2025/grain"


@pytest.mark.parametrize("html", ["<html><head></head><body></body></html>", "<html><body><script>var a = 1;</script></body></html>"])
def test_html_without_a_body_is_an_input_error(html):
    with pytest.raises(InputError, match="no article text|empty"):
        from_html(html)
