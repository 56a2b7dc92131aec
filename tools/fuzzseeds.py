#!/usr/bin/env python3
"""Seed corpora for the fuzz harnesses, made from the fixtures.

    fuzzseeds.py FIXTURES_DIR OUT_DIR

Writes OUT_DIR/page (each fixture behind an options byte), OUT_DIR/jsonl
(records of a few fixtures, plus broken lines), OUT_DIR/warc (WARC files
in the shapes the reader handles: plain, chunked, gzip-encoded bodies, a
gzipped file, a charset from HTTP, and a record whose length is wrong) and
OUT_DIR/batch (a page under a name: plain, gzipped, not UTF-8, not taken).
"""
import gzip
import json
import pathlib
import sys


def page_seeds(fixtures, out):
    out.mkdir(parents=True, exist_ok=True)
    for i, path in enumerate(fixtures):
        html = path.read_bytes()
        # Defaults for most seeds; every few, another format or a forced encoding.
        knobs = [0x00, 0x01, 0x02, 0x04, 0x08, 0x10, 0x40][i % 7] if i % 3 == 0 else 0x00
        (out / f"seed-{i:03d}").write_bytes(bytes([knobs]) + html)


def jsonl_seeds(fixtures, out):
    out.mkdir(parents=True, exist_ok=True)
    for i, path in enumerate(fixtures[:24]):
        html = path.read_text(encoding="utf-8", errors="replace")
        lines = [json.dumps({"id": i, "url": f"https://example.org/{i}", "html": html,
                             "crawl": {"depth": 1}}, ensure_ascii=(i % 2 == 0))]
        if i % 4 == 0:
            lines += ['{"id": "x", "html": 5}', 'not json', '', '{"url": "u"}',
                      '{"id": 1, "html": "<p>short</p>"}']
        (out / f"seed-{i:03d}").write_text("\n".join(lines) + "\n", encoding="utf-8")


def warc_record(url, body, content_type="text/html; charset=utf-8", extra=b"", length_delta=0):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type.encode() + b"\r\n" + extra +
            b"\r\n" + body)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url))}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http) + length_delta}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def chunked(body, size=500):
    parts = [b"%x\r\n%s\r\n" % (len(body[i:i + size]), body[i:i + size])
             for i in range(0, len(body), size)]
    return b"".join(parts) + b"0\r\n\r\n"


def warc_seeds(fixtures, out):
    out.mkdir(parents=True, exist_ok=True)
    for i, path in enumerate(fixtures[:16]):
        html = path.read_bytes()
        url = f"https://example.org/{i}"
        shape = i % 6
        if shape == 0:
            data = warc_record(url, html)
        elif shape == 1:
            data = warc_record(url, chunked(html), extra=b"Transfer-Encoding: chunked\r\n")
        elif shape == 2:
            data = warc_record(url, gzip.compress(html), extra=b"Content-Encoding: gzip\r\n")
        elif shape == 3:
            data = gzip.compress(warc_record(url, html)) + gzip.compress(warc_record(url + "b", html))
        elif shape == 4:
            data = warc_record(url, html, content_type="text/html; charset=windows-1252")
        else:
            data = warc_record(url, html, length_delta=-40) + warc_record(url + "c", html)
        (out / f"seed-{i:03d}").write_bytes(data)


def batch_seeds(fixtures, out):
    """A knobs byte, a file name, a NUL, the file (see fuzz/fuzz_batch.c)."""
    out.mkdir(parents=True, exist_ok=True)
    names = [b"page.html", b"a.HTM", b"zipped.html.gz", b"caf\xe9.html", b"notes.txt", b"x.xhtml"]
    for i, path in enumerate(fixtures[:12]):
        html = path.read_bytes()
        name = names[i % len(names)]
        body = gzip.compress(html) if name.endswith(b".gz") else html
        knobs = [0x00, 0x02, 0x04, 0x01, 0x10, 0x0A][i % 6]
        (out / f"seed-{i:03d}").write_bytes(bytes([knobs]) + name + b"\0" + body)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    fixtures = sorted(pathlib.Path(sys.argv[1]).glob("*.html"))
    out = pathlib.Path(sys.argv[2])
    page_seeds(fixtures, out / "page")
    jsonl_seeds(fixtures, out / "jsonl")
    warc_seeds(fixtures, out / "warc")
    batch_seeds(fixtures, out / "batch")


if __name__ == "__main__":
    main()
