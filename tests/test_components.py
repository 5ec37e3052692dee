"""Our annotators as spaCy components: entry points, requires/assigns, config, lexicons, to_disk/spacy.load."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from conftest import REPO

SRC = REPO / "src" / "newsgraph"
_FACTORY = re.compile(r"@Language\.(?:factory|component)\(\s*\"(\w+)\"")


def _factories_in_source() -> set[str]:
    return {m.group(1) for p in SRC.rglob("*.py") for m in _FACTORY.finditer(p.read_text(encoding="utf-8"))}


def test_every_factory_has_an_entry_point():
    declared = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["entry-points"]["spacy_factories"]
    found = _factories_in_source()
    assert len(found) >= 10
    assert found == set(declared), "add the factory to [project.entry-points.spacy_factories] in pyproject.toml"
    installed = {ep.name for ep in entry_points(group="spacy_factories")}
    assert found <= installed, "re-run `pip install -e .` to register the entry points"


def test_factories_load_without_importing_newsgraph():
    # the user's code never imports newsgraph: spaCy finds the factories through the entry points
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('newsgraph_dates'); nlp.add_pipe('newsgraph_facts')\n"
        "doc = nlp('Prices rose 5 percent on 3 March 2024.')\n"
        "print(len(doc._.ng_dates), int(doc._.ng_facts is not None))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", timeout=300)
    assert out.returncode == 0, out.stderr
    dates, facts = map(int, out.stdout.split())
    assert dates >= 1 and facts >= 1


@pytest.fixture(scope="module")
def nlp():
    import newsgraph

    return newsgraph.pipeline()


def test_analyze_pipes_reports_no_problems(nlp):
    from newsgraph.annotate.nlp import load_pipeline

    for pipe in (nlp, load_pipeline(parse="full")):
        analysis = pipe.analyze_pipes(pretty=False)
        assert not any(analysis["problems"].values()), analysis["problems"]
        summary = analysis["summary"]
        for name in pipe.pipe_names:
            if name.startswith("newsgraph_"):
                assert summary[name]["assigns"], f"{name} declares nothing it assigns"
    # order matters and is checked: events before the quotes they read is a problem spaCy reports
    blank = spacy.blank("en")
    blank.add_pipe("newsgraph_events")
    problems = blank.analyze_pipes(pretty=False)["problems"]["newsgraph_events"]
    assert "doc._.ng_quotes" in problems and "doc._.ng_entities" in problems


def test_config_values_reach_the_component():
    blank = spacy.blank("en")
    geo = blank.add_pipe("newsgraph_geo", config={"weights": {"near_km": 99.0}})
    assert geo.weights.near_km == 99.0 and geo.weights.support == 2.0
    ents = blank.add_pipe("newsgraph_entities", config={"salience": {"headline": 0.0}, "linking": {"org_points": 4}})
    assert ents.salience.headline == 0.0 and ents.linking.org_points == 4 and ents.linking.person_points == 2
    with pytest.raises(Exception, match="nearkm"):
        spacy.blank("en").add_pipe("newsgraph_geo", config={"weights": {"nearkm": 1.0}})


def test_lexicon_through_initialize_and_to_disk(tmp_path):
    from newsgraph.annotate.quotes import QuoteFinder
    from newsgraph.annotate.triggers import pipeline_triggers

    lex = tmp_path / "cues.tsv"
    lex.write_text("# my cue verbs\n[verb]\nblurt\n[indirect]\nmutter\n", encoding="utf-8")
    blank = spacy.blank("en")
    qf = blank.add_pipe("newsgraph_quotes")
    assert "said" in qf.cues or "say" in qf.cues
    qf.initialize(lexicon_path=str(lex))
    assert qf.cues == {"blurt"} and qf.indirect_cues == {"mutter"}
    # the parse is triggered by the component's own words: a new cue needs no second list
    assert {"blurt", "mutter"} <= pipeline_triggers(blank).verbs
    blank.to_disk(tmp_path / "pipe")
    assert "blurt" in (tmp_path / "pipe" / "newsgraph_quotes" / "lexicon.tsv").read_text()
    again = spacy.load(tmp_path / "pipe").get_pipe("newsgraph_quotes")
    assert again.cues == {"blurt"} and again.indirect_cues == {"mutter"}
    assert QuoteFinder().cues != {"blurt"}


_ORG_TEXT = ("Officials said on Monday that Halvard Brusk would open a new office in Lagos next year. "
             "A spokesman for Halvard Brusk said the plan had been approved by the board.")


def _types(nlp, name: str) -> set[str]:
    return {e.type for e in nlp(_ORG_TEXT)._.ng_entities if e.name == name}


def test_user_organisation_list_through_initialize_and_to_disk(nlp, tmp_path):
    from newsgraph.annotate.names import shipped_names

    ents = nlp.get_pipe("newsgraph_entities")
    assert "organisation" not in _types(nlp, "Halvard Brusk")  # a name the shipped lexicon does not know
    orgs = tmp_path / "my_orgs.tsv"
    orgs.write_text("# my organisations\n[organisations]\nname\tHalvard Brusk\n", encoding="utf-8")
    ents.initialize(lexicon_path=str(orgs), extend=True)
    try:
        assert ents.names is not shipped_names() and "Halvard Brusk" in ents.names.org.names
        assert ents.names.org.suffixes == shipped_names().org.suffixes  # extend: the shipped rows stay
        assert ents.names.given_names == shipped_names().given_names  # sections the file does not name stay
        assert _types(nlp, "Halvard Brusk") == {"organisation"}
        nlp.to_disk(tmp_path / "ng")
        assert "Halvard Brusk" in (tmp_path / "ng" / "newsgraph_entities" / "names.tsv").read_text()
        loaded = spacy.load(tmp_path / "ng")
        assert "Halvard Brusk" in loaded.get_pipe("newsgraph_entities").names.org.names
        assert _types(loaded, "Halvard Brusk") == {"organisation"}
        # without `extend` the file's section replaces the shipped one: no suffix, prefix or head is left
        ents.initialize(lexicon_path=str(orgs))
        assert ents.names.org.names == {"Halvard Brusk"} and not ents.names.org.suffixes
        assert ents.names.titles == shipped_names().titles
    finally:
        ents.initialize()  # the shipped lexicon again, for the other tests sharing this pipeline
    assert ents.names.org.names == shipped_names().org.names
    assert "organisation" not in _types(nlp, "Halvard Brusk")


def test_names_lexicon_rejects_an_unknown_kind(tmp_path):
    bad = tmp_path / "names.tsv"
    bad.write_text("[organisations]\nnmae\tAcme\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown kind 'nmae'"):
        spacy.blank("en").add_pipe("newsgraph_entities").initialize(lexicon_path=str(bad))


def test_saved_pipeline_gives_the_same_records_on_the_demo_corpus(nlp, tmp_path, demo_records):
    nlp.to_disk(tmp_path / "ng")
    code = (
        "import json, sys, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'ng')!r})\n"
        f"sys.path.insert(0, {str(REPO / 'tests')!r})\n"
        "from golden_records import analyze_demo\n"
        "print(json.dumps(analyze_demo(nlp)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stderr[-3000:]
    loaded = json.loads(out.stdout)
    assert list(loaded) == list(demo_records)
    for name, record in demo_records.items():
        assert loaded[name] == record, name


def test_components_doc_is_generated():
    from newsgraph.annotate.config import components_markdown

    page = (REPO / "docs" / "components.md").read_text(encoding="utf-8")
    assert page == components_markdown(), "run `python -m newsgraph.annotate.config > docs/components.md`"


def test_every_config_value_has_help():
    from dataclasses import fields

    from newsgraph.annotate.config import _components, extractor_rules

    classes = [cls for _, _, keys, _ in _components() for _, cls in keys] + [c for _, _, c in extractor_rules()]
    assert len(classes) >= 5
    for cls in classes:
        for f in fields(cls):
            assert len(f.metadata.get("help", "").split()) >= 3, f"{cls.__name__}.{f.name}: no help line"


def test_analyze_demo_helper_is_not_empty(demo_records):
    assert len(demo_records) >= 10
    assert all(Path(REPO / k.split("#")[0]).exists() for k in demo_records)


def test_pipeline_function_survives_the_submodule_import():
    import newsgraph
    import newsgraph.pipeline  # noqa: F401  (binds the submodule over the package's function)

    assert callable(newsgraph.pipeline)
