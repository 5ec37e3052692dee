"""Ingest: folders, WARC records, stdin and sniffing, on pages these tests write themselves.

`article_page` is shared with the bad-input, parallel, CLI and Spark tests: invented wire stories in a plain
news-site layout (nav, byline, paragraphs, footer).
"""

from __future__ import annotations

import zlib

from newsgraph.errors import InputError
from newsgraph.ingest import iter_documents, sniff_kind
from newsgraph.ingest.warc import iter_warc
from newsgraph.scale.warcwrite import write_warc

_STORIES = [
    ("Flooding forces thousands from homes in northern Portugal",
     "Heavy rain caused the Douro river to burst its banks on Monday, forcing more than 3,000 people from their "
     "homes in the city of Porto, the civil protection agency said.",
     '"We have not seen water this high in forty years," said Ana Ribeiro, the mayor of Porto, who visited '
     "shelters in the city on Monday evening.",
     "Prime Minister Luis Montenegro said the government would release emergency funds to help families rebuild."),
    ("Kenya and Tanzania sign cross-border rail agreement",
     "Kenya and Tanzania signed an agreement in Nairobi on Tuesday to build a railway linking the port of Mombasa "
     "with the Tanzanian city of Arusha, officials said.",
     'Kenyan transport minister Peter Mwangi said the line would "cut freight costs by half" for farmers in '
     "the region.",
     "The African Development Bank will provide most of the $1.2 billion needed for the project, the ministry said."),
    ("Wildfire near Athens contained after three days",
     "Firefighters brought a wildfire north of Athens under control on Wednesday after it burned more than "
     "10,000 hectares of forest and destroyed dozens of homes, Greek officials said.",
     '"The front has been contained, but the danger is not over," fire service spokesman Yannis Artopios told '
     "reporters in Athens.",
     "Around 600 firefighters, backed by aircraft sent from Italy and France, fought the blaze."),
]


def article_page(i: int, agency: str = "Reuters", extra: str = "") -> str:
    """An invented news page (utf-8 HTML) for story `i` of three."""
    title, p1, p2, p3 = _STORIES[i % len(_STORIES)]
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Daily Example</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2024-0{i % 9 + 1}-1{i % 9}T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1><p class="byline">By Staff Reporter ({agency})</p>
<p>{p1}</p><p>{p2}</p><p>{p3}</p>{extra}
<p>Officials said more details would be released later this week as the situation develops further.</p>
</article><footer>Copyright The Daily Example. All rights reserved.</footer></body></html>
"""


def test_folder_is_walked_sorted_and_hidden_files_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.html").write_text(article_page(1))
    (tmp_path / "a.html").write_text(article_page(0))
    (tmp_path / ".hidden.html").write_text(article_page(2))
    docs = list(iter_documents([str(tmp_path)]))
    assert [d.input for d in docs] == [str(tmp_path / "a.html"), str(tmp_path / "b" / "two.html")]


def test_sniff_kinds():
    assert sniff_kind(article_page(0).encode()) == "html"
    assert sniff_kind(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n") == "warc"
    assert sniff_kind(b"Just a line of plain text.\nAnd another.") == "text"


def test_warc_records_become_documents_with_uri_and_offset(tmp_path):
    for name in ("crawl.warc", "crawl.warc.gz"):
        path = write_warc(tmp_path / name, [(f"https://news.example/{i}", article_page(i).encode()) for i in range(3)])
        docs = list(iter_documents([str(path)]))
        assert all(not isinstance(d, InputError) for d in docs), docs
        assert [d.url for d in docs] == [f"https://news.example/{i}" for i in range(3)]
        assert docs[0].input == f"{path}#0"
        offsets = [int(d.input.rsplit("#", 1)[1]) for d in docs]
        assert offsets == sorted(offsets) and len(set(offsets)) == 3
        # the offset finds the record again
        raw = path.read_bytes()
        rec = raw[offsets[1]:]
        # one gzip member from the offset (a search for the next member's magic bytes could meet them inside the
        # compressed data, which depends on the header's time stamp)
        rec = zlib.decompressobj(wbits=31).decompress(rec) if name.endswith(".gz") else rec
        assert rec.startswith(b"WARC/1.1") and b"https://news.example/1" in rec[:400]


def test_non_html_records_are_skipped_and_empty_warc_is_reported(tmp_path):
    from newsgraph.scale.warcwrite import response_record

    path = tmp_path / "images.warc"
    path.write_bytes(response_record("https://news.example/a.png", b"\x89PNG....", content_type="image/png"))
    items = list(iter_warc(str(path)))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "no HTML response records" in items[0].problem


def test_truncated_warc_keeps_good_records_and_names_the_broken_one(tmp_path):
    for name in ("t.warc", "t.warc.gz"):
        path = write_warc(tmp_path / name, [(f"https://news.example/{i}", article_page(i).encode()) for i in range(2)])
        data = path.read_bytes()
        path.write_bytes(data[: len(data) - 300])
        items = list(iter_warc(str(path)))
        good = [x for x in items if not isinstance(x, InputError)]
        bad = [x for x in items if isinstance(x, InputError)]
        assert [g.url for g in good] == ["https://news.example/0"]
        assert len(bad) == 1 and bad[0].input.startswith(str(path)) and "truncated" in bad[0].problem
