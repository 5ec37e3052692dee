"""Cold start: what `newsgraph analyze` loads for one page, and the language model unpacked once per machine.

The analyze path must not import the store, the web app, the exports, Spark or spaCy's command-line package
(spacy_import.py), and the language identifier read from the unpacked cache must answer exactly as py3langid's own
loader (langid_model.py), also when the cache cannot be written or is damaged.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

PAGE = """<!doctype html><html lang="en"><head><title>Harbour board approves new ferry route</title>
<meta property="og:site_name" content="The Calder Gazette"></head><body><article>
<h1>Harbour board approves new ferry route</h1>
<p>The Port Vellmoor harbour board on Tuesday approved a ferry route to the island of Caskerry, ending a
dispute that had run for three years.</p>
<p>"This is a good day for the island," said Maren Tollefsen, the board's chair, after the vote.</p>
<p>The first crossing is planned for the spring, the board said in a statement. Fares were not announced.</p>
</article></body></html>"""

#: Modules the one-page analyze path has no use for.
NOT_LOADED = ("newsgraph.store", "newsgraph.web", "newsgraph.scale.spark", "newsgraph.store.export", "pyspark",
              "spacy.cli", "spacy.cli.download", "requests", "weasel", "jinja2", "fastapi")

PROBE = """
import json, sys
from newsgraph.cli import main
sys.argv = ["newsgraph", "analyze", sys.argv[1], "-o", sys.argv[2]]
try:
    main()
except SystemExit as exc:
    assert not exc.code, exc.code
loaded = sorted(sys.modules)
import spacy
cli = spacy.cli  # the lazy attribute: the real package, imported now
print(json.dumps({"loaded": loaded, "download": callable(cli.download), "info": callable(spacy.info)}))
"""


def test_analyze_loads_only_what_it_uses(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out.json"
    env = {**os.environ, "PYTHONPATH": str(SRC), "NEWSGRAPH_DOC_TIMEOUT": "0"}  # the default cache: its gazetteer
    proc = subprocess.run([sys.executable, "-c", PROBE, str(page), str(out)], capture_output=True, text=True,
                          env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    loaded = set(report["loaded"])
    assert not [m for m in NOT_LOADED if m in loaded]
    assert json.loads(out.read_text())["language"] == "en"
    assert report["download"] and report["info"]  # spaCy's CLI still there when asked for


TEXTS = [
    "The council voted on Monday to close the old bridge to lorries while engineers inspect its piers.",
    "Der Stadtrat hat am Montag beschlossen, die alte Brücke für Lastwagen zu sperren.",
    "Le conseil municipal a décidé lundi de fermer le vieux pont aux camions pendant les travaux.",
    "El ayuntamiento decidió el lunes cerrar el puente viejo a los camiones.",
    "THE COUNCIL VOTED ON MONDAY",
    "x",
]


@pytest.fixture(scope="module")
def reference():
    from py3langid.langid import LanguageIdentifier

    from newsgraph.extract.langid_model import model_file

    ident = LanguageIdentifier.from_model_file(model_file(), norm_probs=True)
    return [ident.rank(t) for t in TEXTS]


def test_unpacked_model_answers_as_the_package(tmp_path, reference):
    from newsgraph.extract.langid_model import load_identifier

    first = load_identifier(tmp_path)  # unpacks
    (folder,) = [p for p in tmp_path.iterdir() if p.name.startswith("langid-")]
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.npy" for n in
                                                               ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat"))
    second = load_identifier(tmp_path)  # reads the unpacked copy
    assert [first.rank(t) for t in TEXTS] == reference
    assert [second.rank(t) for t in TEXTS] == reference
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary folder left


def test_damaged_or_unwritable_cache_falls_back(tmp_path, reference):
    from newsgraph.extract.langid_model import cache_folder, load_identifier, model_file

    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    assert [load_identifier(blocked).rank(t) for t in TEXTS] == reference
    load_identifier(tmp_path / "c")
    ptc = cache_folder(model_file(), tmp_path / "c") / "ptc.npy"
    ptc.write_bytes(ptc.read_bytes()[:1000])  # truncated
    assert [load_identifier(tmp_path / "c").rank(t) for t in TEXTS] == reference
    assert [load_identifier(None).rank(t) for t in TEXTS] == reference
