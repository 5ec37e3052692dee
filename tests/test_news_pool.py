"""The next held-out pool's mechanics (benchmarks/audit/news_pool.py) on tiny corpora written here, not eval text."""

import pytest

from benchmarks import topic_audit as ta
from benchmarks.audit import (
    conll_pool,
    conll_tune_pool,
    fresh,
    lee_pool,
    news_pool,
    polnear_pool,
    polnear_tune_pool,
    reuters_pool,
    wikinews_pool,
)
from benchmarks.splits import part

#: an English body of 80+ words (the audit's `english` test), made distinct per article by its number
BODY = ("The town council said on Monday that the new bridge over the river will open in the spring, and the mayor "
        "told reporters that the work had cost less than the city had planned. Residents who live near the road "
        "said they were glad that the traffic would be lighter when the bridge is open. The council will meet again "
        "next week to vote on the budget for the schools and the police, and it is expected to approve it after a "
        "short debate with the members of the public who come to the meeting. Story {n}.")
NOT_ENGLISH = " ".join(["Der Stadtrat hat am Montag beschlossen, die neue Brücke im Frühling zu eröffnen."] * 8)


def _corpus(path, items: str):
    """A corpus file of `items` (<article> elements) at `path`."""
    path.write_text(f"<articles>{items}</articles>", encoding="utf-8")
    return path


def _gwn(tmp_path, n: int):
    items = "".join(f"<article><title>Bridge {i}</title><link>https://www.paper{i % 3}.example/a/{i}</link>"
                    f"<pubDate>Mon, 07 Aug 2017 10:00:00 +0200</pubDate><text>Bridge {i}. {BODY.format(n=i)}</text>"
                    "<toponyms/></article>" for i in range(n))
    items += f"<article><title>Brücke</title><link>https://zeitung.example/b</link><text>{NOT_ENGLISH}</text></article>"
    return _corpus(tmp_path / "gwn.xml", items)


def _trnews(tmp_path, n: int, docids=None):
    docids = docids or [str(100 + i) for i in range(n)]
    items = "".join(f'<article docid="{d}"><feedid>1</feedid><title>Council {i}</title><domain>daily{i % 2}.example'
                    f"</domain><url>http://daily{i % 2}.example/s/{i}</url><dltime>2017-05-02 08:01:02.1234-04</dltime>"
                    f"<text>{BODY.format(n=100 + i)}</text><toponyms/></article>" for i, d in enumerate(docids))
    return _corpus(tmp_path / "trnews.xml", items)


def test_articles_have_names_units_times_and_no_title_in_text(tmp_path):
    g = news_pool.gwn_articles(_gwn(tmp_path, 2))
    assert [a["input"] for a in g] == ["gwn/0", "gwn/1", "gwn/2"]
    assert g[1]["unit"] == "paper1.example" and g[1]["url"] == "https://www.paper1.example/a/1"
    assert g[0]["published"] == "2017-08-07T10:00:00+02:00" and g[2]["published"] == ""
    assert g[0]["title"] == "Bridge 0" and g[0]["text"].startswith("The town council")
    t = news_pool.trnews_articles(_trnews(tmp_path, 2))
    assert [a["input"] for a in t] == ["trnews/100", "trnews/101"]
    assert t[1]["unit"] == "daily1.example" and t[0]["published"] == "2017-05-02T08:01:02-04:00"
    # repeated docids would merge two articles under one name: the index names them instead
    assert [a["input"] for a in news_pool.trnews_articles(_trnews(tmp_path, 2, ["7", "7"]))] == ["trnews/0", "trnews/1"]


def test_pages_have_no_empty_time_and_unique_page_names(tmp_path):
    art = news_pool.gwn_articles(_gwn(tmp_path, 1))[1]
    assert b"published_time" not in fresh.page(art)
    assert ta.page_name("gwn/3") == "gwn-3" and ta.page_name("trnews/3") == "trnews-3"


def test_no_article_is_drawn_twice_across_seeds(tmp_path, monkeypatch):
    monkeypatch.setattr(news_pool, "NEWS_PAGES", 4)
    arts = news_pool.articles(_gwn(tmp_path, 8), _trnews(tmp_path, 6))
    seeds = (31, 32, 33)
    got, left = news_pool.draws(seeds, arts)
    names = [a["input"] for s in seeds for a in got[s]]
    assert all(len(got[s]) == 4 for s in seeds)
    assert len(names) == len(set(names)), "an article was drawn by two seeds"
    assert "gwn/8" not in names + [a["input"] for a in left]  # the German article is never a candidate
    assert len(left) == 14 - 12 and not set(names) & {a["input"] for a in left}
    # appending a seed leaves the earlier draws as they were; each seed's own draw is reproducible
    assert news_pool.draws(seeds[:2], arts)[0] == {s: got[s] for s in seeds[:2]}
    assert news_pool.drawn(33, seeds, arts) == got[33]
    with pytest.raises(SystemExit):
        news_pool.draws((*seeds, 34), arts[:0])


def test_fresh_dispatches_a_pool_seed_and_keeps_lgl_seeds(tmp_path, monkeypatch):
    monkeypatch.setattr(news_pool, "NEWS_PAGES", 3)
    monkeypatch.setattr(news_pool, "GWN", _gwn(tmp_path, 4))
    monkeypatch.setattr(news_pool, "TRNEWS", _trnews(tmp_path, 3))
    monkeypatch.setattr(fresh, "html_leftovers", lambda: [])
    monkeypatch.setattr(fresh, "POOLS", {41: "news", 42: "news"})
    assert fresh.pool_of(fresh.FRESH_SEEDS[-1]) == "lgl" and fresh.pool_of(42) == "news"
    a, b = fresh.drawn(41), fresh.drawn(42)
    assert len(a) == len(b) == 3 and not {x["input"] for x in a} & {x["input"] for x in b}
    assert len(news_pool.reserve()) == 7 - 6
    with pytest.raises(SystemExit):
        news_pool.drawn(43)  # a seed not listed in fresh.POOLS is never drawn from this pool


def test_a_pool_seed_is_never_an_lgl_seed():
    # an LGL seed listed in POOLS would draw a different set under a label already judged
    assert not set(fresh.POOLS) & set(fresh.FRESH_SEEDS)
    assert set(fresh.POOLS.values()) <= {news_pool.POOL, wikinews_pool.POOL, polnear_pool.POOL, conll_pool.POOL,
                                         conll_tune_pool.POOL, polnear_tune_pool.POOL, lee_pool.POOL, reuters_pool.POOL}


def _geovirus(tmp_path, n: int):
    """GeoVirus' shape: <article><source>URL</source><text>..</text><locations>..</locations></article>, no title."""
    place = "<locations><location><name>Town</name><start>4</start><end>8</end><lat>1</lat><lon>2</lon></location>"
    items = [f"<source>https://en.wikinews.org/wiki/Fever_in_town_{i}%3A_clinic_%22busy%22</source>"
             f"<text>{BODY.format(n=200 + i)}</text>{place}</locations>" for i in range(n)]
    items.append(f"<source>https://de.wikinews.org/wiki/Br%C3%BCcke</source><text>{NOT_ENGLISH}</text>")
    items = "".join(f"<article>{x}</article>" for x in items)
    return _corpus(tmp_path / "GeoVirus.xml", items)


def test_wikinews_articles_have_names_geo_units_titles_and_no_time(tmp_path):
    arts = wikinews_pool.articles(_geovirus(tmp_path, 2))
    assert [a["input"] for a in arts] == ["geovirus/0", "geovirus/1", "geovirus/2"]
    url = "https://en.wikinews.org/wiki/Fever_in_town_1%3A_clinic_%22busy%22"
    # the unit is the geo benchmark's split key, so an article sits in the same part for both
    assert arts[1]["unit"] == f"GeoVirus:{url}" and arts[1]["url"] == url
    assert arts[1]["title"] == 'Fever in town 1: clinic "busy"' and arts[2]["title"] == "Brücke"
    assert all(a["published"] == "" for a in arts) and b"published_time" not in fresh.page(arts[0])
    assert arts[0]["text"].startswith("The town council") and ta.page_name("geovirus/2") == "geovirus-2"
    with pytest.raises(SystemExit):
        wikinews_pool.articles(tmp_path / "absent.xml")


def test_wikinews_unit_matches_the_geo_benchmark_split(tmp_path):
    from benchmarks.tasks import geo

    path = _geovirus(tmp_path, 6)
    by_geo = {p: len(geo.load(path, None, "GeoVirus", p)) for p in ("tune", "check")}
    arts = wikinews_pool.articles(path)
    assert by_geo == {p: sum(part(a["unit"]) == p for a in arts) for p in ("tune", "check")}


def test_fresh_dispatches_a_wikinews_seed_apart_from_the_news_pool(tmp_path, monkeypatch):
    monkeypatch.setattr(news_pool, "NEWS_PAGES", 3)
    monkeypatch.setattr(wikinews_pool, "GEOVIRUS", _geovirus(tmp_path, 7))
    monkeypatch.setattr(fresh, "html_leftovers", lambda: [])
    monkeypatch.setattr(fresh, "POOLS", {51: "wikinews", 52: "news", 53: "wikinews"})
    assert news_pool.seeds(wikinews_pool.POOL) == (51, 53) and fresh.pool_of(53) == "wikinews"
    a, b = fresh.drawn(51), fresh.drawn(53)
    assert len(a) == len(b) == 3 and not {x["input"] for x in a} & {x["input"] for x in b}
    assert all(x["input"].startswith("geovirus/") for x in a + b)
    assert len(wikinews_pool.reserve()) == 7 - 6  # the German article is never a candidate
    with pytest.raises(SystemExit):
        wikinews_pool.drawn(52)  # a seed of the news pool is not a wikinews seed


def _polnear(tmp_path, n: int):
    """PolNeAR's shape: dev/text/<file>.txt (title, blank line, paragraphs) and metadata.tsv; invented articles."""
    root = tmp_path / "polnear"
    (root / "dev" / "text").mkdir(parents=True)
    rows = ["compartment\tfilename\tpublisher\tpublication_date\ttitle"]
    for i in range(n):
        name = f"daily_2016-05-0{i % 9 + 1}_council-story-{i}"
        title = f"Council story {i}"
        (root / "dev" / "text" / f"{name}.txt").write_text(
            f"{title}\n\n{BODY.format(n=300 + i)}\n\nThe second\nparagraph {i}.\n", encoding="utf-8")
        rows.append(f"dev\t{name}\tdaily\t2016-05-0{i % 9 + 1}\t{title}")
    (root / "metadata.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def test_polnear_pool_draws_only_check_part_articles_with_paragraphs_and_dates(tmp_path):
    root = _polnear(tmp_path, 12)
    arts = polnear_pool.articles(root)
    assert arts and all(part(a["unit"]) == "check" for a in arts)
    assert len(arts) < 12  # the tune part is never a candidate
    a = arts[0]
    assert a["input"] == f"polnear/{a['unit']}" and a["published"].startswith("2016-05-0")
    # the title is the page's <h1>, not the first paragraph; each paragraph is its own <p>, its line breaks joined
    assert a["paragraphs"][0].startswith("The town council") and a["paragraphs"][1].startswith("The second paragraph")
    html = fresh.page(a).decode()
    assert html.count("<p>") == 2 and "published_time" in html and ta.page_name(a["input"]) == f"polnear-{a['unit']}"
    with pytest.raises(SystemExit):
        polnear_pool.articles(tmp_path / "absent")


def test_fresh_dispatches_a_polnear_seed_and_leaves_a_reserve(tmp_path, monkeypatch):
    root = _polnear(tmp_path, 16)
    n = len(polnear_pool.articles(root))
    monkeypatch.setattr(polnear_pool, "ROOT", root)
    monkeypatch.setattr(polnear_pool, "PAGES", 2)
    monkeypatch.setattr(fresh, "html_leftovers", lambda: [])
    monkeypatch.setattr(fresh, "POOLS", {61: "polnear", 62: "wikinews", 63: "polnear"})
    a, b = fresh.drawn(61), fresh.drawn(63)
    assert len(a) == len(b) == 2 and not {x["input"] for x in a} & {x["input"] for x in b}
    assert len(polnear_pool.reserve()) == n - 4
    with pytest.raises(SystemExit):
        polnear_pool.drawn(62)


def _conll(tmp_path, n: int):
    """CoNLL-2003's shape: -DOCSTART- blocks, one token per line with three tags, blank lines between sentences;
    invented stories (headline, dateline, body)."""
    lines = []
    for i in range(n):
        lines += ["-DOCSTART- -X- -X- O", ""]
        sents = [f"BRIDGE - COUNCIL OPENS BRIDGE {i} .", "RIVERTON 1996-08-2" + str(i % 9 + 1)]
        sents += [s.strip() + " ." for s in BODY.format(n=i).replace(",", " ,").split(".") if s.strip()]
        sents.append('The mayor said " it is ready ( at last ) " on Monday .')
        for s in sents:
            lines += [f"{tok} NN O O" for tok in s.split()] + [""]
    path = tmp_path / "eng.testa"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_conll_pool_rebuilds_wire_stories_from_tokens_with_their_dateline_date(tmp_path, monkeypatch):
    path = _conll(tmp_path, 12)
    arts = conll_pool.articles(path)
    assert arts and all(part(a["unit"]) == "check" for a in arts) and len(arts) < 12
    a = arts[0]
    assert a["input"] == f"conll/{int(a['unit']):03d}" and a["published"].startswith("1996-08-2")
    assert a["title"].startswith("BRIDGE - COUNCIL OPENS BRIDGE") and a["title"].endswith(".")
    # the dateline stays the wire's first paragraph; each sentence is its own paragraph, detokenised
    assert a["paragraphs"][0].startswith("RIVERTON 1996-08-2")
    assert a["paragraphs"][1].startswith("The town council said on Monday that the new bridge over the river will open")
    assert 'The mayor said "it is ready (at last)" on Monday.' in a["paragraphs"]
    assert ta.page_name(a["input"]) == f"conll-{int(a['unit']):03d}"
    monkeypatch.setattr(conll_pool, "PATH", path)
    monkeypatch.setattr(conll_pool, "PAGES", 2)
    monkeypatch.setattr(fresh, "html_leftovers", lambda: [])
    monkeypatch.setattr(fresh, "POOLS", {71: "conll", 72: "conll"})
    x, y = fresh.drawn(71), fresh.drawn(72)
    assert len(x) == len(y) == 2 and not {d["input"] for d in x} & {d["input"] for d in y}
    assert len(conll_pool.reserve()) == len(arts) - 4
    with pytest.raises(SystemExit):
        conll_pool.articles(tmp_path / "absent")


def test_detokenise_joins_punctuation_clitics_and_quotes():
    assert conll_pool.detokenise("He said : \" we do n't know , \" and left .".split()) == \
        'He said: "we don\'t know," and left.'
    assert conll_pool.detokenise("Shares rose 5 % to $ 12 ( up ) .".split()) == "Shares rose 5% to $12 (up)."
    assert conll_pool.detokenise("Smith 's team".split()) == "Smith's team"


def test_tune_part_pools_draw_what_the_check_pools_leave_and_never_a_check_article(tmp_path, monkeypatch):
    # stop 32: the tune parts are pools for the kinds nobody judged there; a tune pool must never hand out a
    # check-part article (already judged under another label) and together the two cover each set exactly once
    path, root = _conll(tmp_path, 14), _polnear(tmp_path, 14)
    monkeypatch.setattr(conll_pool, "PATH", path)
    monkeypatch.setattr(polnear_pool, "ROOT", root)
    for check, tune, n in ((conll_pool, conll_tune_pool, 14), (polnear_pool, polnear_tune_pool, 14)):
        a, b = check.articles(), tune.articles()
        assert b and all(part(x["unit"]) == "tune" for x in b)
        assert not {x["input"] for x in a} & {x["input"] for x in b} and len(a) + len(b) == n
    monkeypatch.setattr(conll_tune_pool, "PAGES", 2)
    monkeypatch.setattr(polnear_tune_pool, "PAGES", 2)
    monkeypatch.setattr(fresh, "html_leftovers", lambda: [])
    monkeypatch.setattr(fresh, "POOLS", {81: "conll-tune", 82: "polnear-tune", 83: "conll-tune"})
    x, y, z = fresh.drawn(81), fresh.drawn(82), fresh.drawn(83)
    assert len(x) == len(y) == len(z) == 2 and not {d["input"] for d in x} & {d["input"] for d in z}
    assert all(d["input"].startswith("conll/") for d in x) and all(d["input"].startswith("polnear/") for d in y)
    assert all(part(d["unit"]) == "tune" for d in x + y + z)
