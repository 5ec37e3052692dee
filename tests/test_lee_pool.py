"""The Lee pool's mechanics (benchmarks/audit/lee_pool.py) on tiny corpus files written here, not the corpus itself:
the files are checked against their pinned hashes, repeated articles are read once, a page without title or date
gets no empty <title>, <h1> or time, and the draws of the pool's seeds never share an article."""

import hashlib

import pytest

from benchmarks import topic_audit as ta
from benchmarks.audit import fresh, lee_pool
from tests.test_news_pool import BODY


def _files(tmp_path, n_bg: int = 6, n_sim: int = 3, repeat: bool = True):
    bg = [BODY.format(n=i) for i in range(n_bg)] + ([BODY.format(n=0)] if repeat else [])
    sim = [BODY.format(n=100 + i) for i in range(n_sim)]
    for name, lines in (("lee_background.cor", bg), ("lee.cor", sim)):
        (tmp_path / name).write_text("\n".join(lines), encoding="utf-8")
    return tmp_path


@pytest.fixture
def pinned(tmp_path, monkeypatch):
    """The tiny files, with their own hashes pinned in place of gensim's."""
    folder = _files(tmp_path)
    monkeypatch.setattr(lee_pool, "LEE_SHA256", {n: hashlib.sha256((folder / n).read_bytes()).hexdigest()
                                                 for n in lee_pool.FILES.values()})
    monkeypatch.setenv("NEWSGRAPH_LEE_DIR", str(folder))
    return folder


def test_articles_are_named_by_file_and_line_and_read_once(pinned):
    arts = lee_pool.articles()
    names = [a["input"] for a in arts]
    assert names[:2] == ["lee/bg/000", "lee/bg/001"] and names[-1] == "lee/sim/002"
    assert "lee/bg/006" not in names, "a line repeating an earlier article is read again"
    assert len(arts) == 6 + 3 and all(a["title"] == "" and a["published"] == "" for a in arts)
    assert ta.page_name("lee/bg/012") == "lee-bg-012" != ta.page_name("lee/sim/012")


def test_a_changed_or_missing_file_stops_the_draw(tmp_path, monkeypatch):
    folder = _files(tmp_path)
    monkeypatch.setenv("NEWSGRAPH_LEE_DIR", str(folder))
    with pytest.raises(SystemExit, match="sha256"):
        lee_pool.articles()  # the tiny files are not the ones gensim ships
    (folder / "lee.cor").unlink()
    with pytest.raises(SystemExit, match="missing"):
        lee_pool.articles()


def test_a_page_without_title_or_date_has_no_empty_tags(pinned):
    page = fresh.page(lee_pool.articles()[0]).decode()
    assert "<title>" not in page and "<h1>" not in page and "published_time" not in page
    assert "The town council said on Monday" in page


def test_the_pool_seeds_draw_disjoint_articles(pinned, monkeypatch):
    monkeypatch.setattr(lee_pool, "PAGES", 3)
    arts = lee_pool.articles()
    first, second = lee_pool.drawn(1, (1, 2), arts), lee_pool.drawn(2, (1, 2), arts)
    assert len(first) == len(second) == 3
    assert not {a["input"] for a in first} & {a["input"] for a in second}
    assert sorted(lee_pool.reserve((1, 2), arts)) == sorted(
        set(a["input"] for a in arts) - {a["input"] for a in first + second})
    assert fresh.pool_of(20271101) == fresh.pool_of(20271102) == "lee"
