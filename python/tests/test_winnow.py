"""Tests of the Python binding: run with pytest after `pip install ./python`."""

import math
import os
import threading

import pytest

import winnow

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(REPO, "fixtures")


def fixture(name):
    with open(os.path.join(FIXTURES, name), "rb") as f:
        return f.read()


def test_prints_what_the_cli_prints_for_the_seed_page():
    r = winnow.extract(fixture("seed-en-fi-chrome.html"))
    assert r.text == fixture("seed-en-fi-chrome.txt").decode("utf-8")
    assert r.title.startswith("Japan and India hold talks")
    assert r.lang == "en"
    assert "Liittyvät artikkelit" not in r.text


def test_str_and_bytes_give_the_same_text():
    raw = fixture("seed-en-fi-chrome.html")
    assert winnow.extract(raw.decode("utf-8")).text == winnow.extract(raw).text


def test_title_can_be_left_out():
    r = winnow.extract(fixture("seed-en-fi-chrome.html"), include_title=False)
    assert not r.text.startswith(r.title)
    assert r.title in winnow.extract(fixture("seed-en-fi-chrome.html")).text


def test_markdown_marks_headings():
    html = ("<html><body><article><h1>Bees</h1><p>" + "Bees make honey in hives. " * 20
            + "</p><h2>Hives</h2><p>" + "A hive holds one queen. " * 20
            + "</p></article></body></html>")
    md = winnow.extract(html, format="md").text
    assert "## Hives" in md or "# Hives" in md
    txt = winnow.extract(html, format="txt").text
    assert "#" not in txt


def test_comments_follow_the_article_when_asked_for():
    page = fixture("article-comment-thread.html")
    comment = "Where did you get the batter frame?"
    assert comment not in winnow.extract(page).text
    md = winnow.extract(page, format="md", comments=True).text
    assert md.index("without a stone out of place") < md.index("## Comments") < md.index(comment)
    assert "Leave a Reply" not in md and "email address" not in md


def test_metadata_from_meta_tags():
    html = ('<html><head><title>Hives</title><meta name="author" content="Ada Lovelace">'
            '<meta property="article:published_time" content="2024-05-01T10:00:00Z">'
            '</head><body><article><h1>Hives</h1><p>' + "A hive holds one queen. " * 30
            + "</p></article></body></html>")
    r = winnow.extract(html, url="https://example.org/hives")
    assert r.author == "Ada Lovelace"
    assert r.date == "2024-05-01T10:00:00Z"
    assert r.url == "https://example.org/hives"
    assert r.warnings == ()


def test_page_facts():
    html = ('<html><head><link rel="canonical" href="https://example.org/hives">'
            '<meta property="og:site_name" content="Bee News">'
            '<meta property="og:type" content="article">'
            '<meta name="description" content="All about hives">'
            '<meta property="og:image" content="https://example.org/hive.jpg">'
            '<meta name="date" content="December 19, 2025">'
            '</head><body><article><h1>Hives</h1><p>' + "A hive holds one queen. " * 30
            + "</p></article></body></html>")
    r = winnow.extract(html)
    assert r.canonical_url == "https://example.org/hives"
    assert r.site_name == "Bee News"
    assert r.page_type == "article"
    assert r.description == "All about hives"
    assert r.image == "https://example.org/hive.jpg"
    assert r.date == "2025-12-19"


def test_forced_encoding_decodes_bytes():
    text = "Пчёлы делают мёд в ульях. " * 30
    html = ("<html><body><article><h1>Пчёлы</h1><p>" + text + "</p></article></body></html>")
    r = winnow.extract(html.encode("windows-1251"), encoding="windows-1251")
    assert "Пчёлы делают мёд" in r.text
    assert r.encoding.lower() in ("windows-1251", "cp1251")


def test_encoding_hint_outranks_meta():
    text = "Пчёлы делают мёд в ульях. " * 30
    html = ('<html><head><meta charset="windows-1251"></head><body><article><h1>Пчёлы</h1><p>'
            + text + "</p></article></body></html>")
    r = winnow.extract(html.encode("koi8-r"), encoding_hint="koi8-r")
    assert "Пчёлы делают мёд" in r.text


def test_errors_are_exceptions():
    with pytest.raises(winnow.WinnowError) as e:
        winnow.extract(b"<p>x</p>", encoding="no-such-encoding")
    assert e.value.status != 0 and str(e.value)
    with pytest.raises(winnow.WinnowError):
        winnow.extract(b"<p>x</p>", lang="xx")
    with pytest.raises(ValueError):
        winnow.extract(b"<p>x</p>", format="pdf")
    with pytest.raises(TypeError):
        winnow.extract(42)


def test_time_limit():
    page = b"<article>" + b"<div><p>word <b>bold</b> text</p></div>" * 50000 + b"</article>"
    with pytest.raises(winnow.WinnowError) as e:
        winnow.extract(page, timeout=1e-6)
    assert "timeout" in str(e.value)
    assert winnow.extract(b"<p>x</p>", timeout=math.inf).lang
    with pytest.raises(ValueError):
        winnow.extract(b"<p>x</p>", timeout=0)


def test_empty_page_gives_empty_text():
    r = winnow.extract(b"")
    assert r.text == ""


def test_threads_get_the_same_results():
    raw = fixture("seed-en-fi-chrome.html")
    expected = winnow.extract(raw).text
    results = []

    def work():
        for _ in range(20):
            results.append(winnow.extract(raw).text)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 80 and all(r == expected for r in results)


LINKED = ("<html><head><title>Tides</title></head><body><article><h1>Tides</h1>"
          "<p>Harbour masters publish <a href='tables.html'>the tide tables</a> every spring"
          " for the fishing fleet, and <em>every</em> ferry <img src='/c.png' alt='chart'>"
          " keeps them aboard. " + "Tables list high and low water for every day. " * 8 +
          "</p></article></body></html>")


def test_markdown_links_resolve_against_the_url():
    md = winnow.extract(LINKED, url="https://example.com/port/", format="md").text
    assert "[the tide tables](https://example.com/port/tables.html)" in md
    assert "*every*" in md
    assert "![chart]" not in md
    assert "![chart](https://example.com/c.png)" in winnow.extract(
        LINKED, url="https://example.com/port/", format="md", images=True).text
    assert "](" not in winnow.extract(LINKED, format="md", links=False).text
