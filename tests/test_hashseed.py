"""Records must not depend on PYTHONHASHSEED: string hashing is salted per process, so any iteration over a set of
names (aliases, short forms, clusters, lexicon alternatives) that decides an outcome would change records between
runs. The same articles are analysed in two processes with different seeds and the outputs compared byte for byte.

The articles are written to exercise what linking decides from collections: two people sharing a surname (the
surname stays unmerged), a surname standing for one full name, an acronym with an expansion given in the text, an
acronym of an organisation named in full, untagged repeats found by propagation, places and demonyms.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ARTICLES = {
    "harbour.txt": """Harbour authority and dockers agree pay deal after week-long strike

LISBON, March 3 - The Atlantic Harbour Workers Union (AHWU) and the Lisbon Port Authority reached an agreement on
Monday, ending a strike that had stranded dozens of container ships off the Portuguese coast.

Marta Quintela, who leads the AHWU, said members would vote on the deal on Friday. "We did not get everything,
but we got the night shifts paid properly," Quintela told reporters outside the union's offices in Alcantara.

Port Authority chairman Rui Quintela, no relation, said the agreement would cost the port about 12 million euros a
year. The Lisbon Port Authority (LPA) had warned that shipping lines were diverting cargo to Sines and Valencia.
Shipping group Maersk said its vessels would return to Lisbon next week. Spanish and Moroccan ports had taken on
extra traffic during the stoppage, the LPA said.

Quintela, the union leader, said the AHWU would watch closely how the LPA carried out the deal.
""",
    "science.txt": """Telescope team reports water signature on distant moon

A team led by astronomer Helena Okonkwo-Baptiste at the Institute for Planetary Studies in Geneva says it has found
traces of water vapour above a moon of a gas giant 40 light years away.

Okonkwo-Baptiste said the result still needs confirmation. Her colleague Tomas Lindqvist, of Uppsala University,
led the analysis. "It is a faint signal," Lindqvist said. The Institute for Planetary Studies (IPS) plans further
observations in June with the European Southern Observatory in Chile.

NASA and the European Space Agency (ESA) declined to comment. An ESA spokesperson said the agency had not reviewed
the data. Lindqvist and Okonkwo-Baptiste presented the findings in Geneva and later in Santiago.
""",
    "election.txt": """Runoff set in mayoral race as turnout falls

Voters in Porto Alegre will return to the polls on October 27 after no candidate won a majority, the Regional
Electoral Court said on Sunday.

Ana Beatriz Souza of the Workers' Party led with 38 percent, ahead of Carlos Mendes Souza of the Social Democratic
Party with 31 percent. Souza, a former teacher, told supporters the city wanted change. The Workers' Party (PT)
said it would seek support from smaller parties. Mendes, the incumbent's chosen successor, said the PT's plans
would raise taxes.

The Regional Electoral Court (TRE) said turnout was 71 percent, the lowest since 2004. Brazilian analysts said
heavy rain in Rio Grande do Sul kept many voters at home. The TRE will publish final figures on Tuesday.
""",
}


def _analyse(folder: Path, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    exe = Path(sys.executable).parent / "newsgraph"
    cmd = [str(exe), "analyze", "--kind", "body", "--format", "jsonl", "--min-confidence", "0", str(folder)]
    res = subprocess.run(cmd, env=env, capture_output=True, check=True, timeout=600)
    return res.stdout


def test_records_do_not_depend_on_the_hash_seed(tmp_path):
    for name, text in ARTICLES.items():
        paragraphs = [" ".join(p.split("\n")) for p in text.strip().split("\n\n")]  # one line per paragraph
        (tmp_path / name).write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    first = _analyse(tmp_path, "1")
    second = _analyse(tmp_path, "2")
    assert first.count(b"\n") == len(ARTICLES), first[:2000]
    assert b'"entities"' in first
    assert first == second, "records differ between PYTHONHASHSEED=1 and PYTHONHASHSEED=2"


#: The linker alone over hand-made mentions, printed: two full names sharing a surname whose untagged repeats
#: ("Quintela", "QUINTELA", "Souza") must stay unlinked, and an acronym two organisations could stand for ("HWU").
_LINKER = '''
from collections import Counter
from newsgraph.annotate.entity_linking import link_mentions
from newsgraph.annotate.entity_propagation import propagate
from newsgraph.annotate.entity_mentions import NameMention
from newsgraph.annotate.names import shipped_names

TEXT = ("Marta Quintela and Rui Quintela met Ana Souza. Quintela said the Harbour Workers Union and the "
        "Hospital Workers Union would act. HWU members cheered; Souza left. QUINTELA spoke and Carlos Souza nodded.")

def mention(name, **ev):
    s = TEXT.index(name)
    return NameMention(s, s + len(name), name, "person" if "person" in ev else "organisation", Counter(ev))

ms = [mention("Marta Quintela", person=2), mention("Rui Quintela", person=2), mention("Ana Souza", person=2),
      mention("Harbour Workers Union", organisation=3), mention("Hospital Workers Union", organisation=3),
      mention("Carlos Souza", person=2)]
clusters = link_mentions(None, ms, shipped_names())
propagate(TEXT, clusters, ms)
for c in clusters:
    print(c.type, c.name, c.aliases, sorted((m.start, m.end, m.text) for m in c.mentions))
'''


def test_linking_and_propagation_do_not_depend_on_the_hash_seed():
    outs = set()
    for seed in ("1", "2", "3", "4"):  # four salts: an order-dependent choice between two forms shows in most
        env = {**os.environ, "PYTHONHASHSEED": seed}
        res = subprocess.run([sys.executable, "-c", _LINKER], env=env, capture_output=True, text=True, check=True,
                             timeout=300)
        outs.add(res.stdout)
    assert len(outs) == 1, "\n---\n".join(sorted(outs))
    out = outs.pop()
    assert len(out.splitlines()) == 6  # six clusters: no surname or acronym merged into an ambiguous owner
    assert "(52, 60, 'Quintela')" not in out and "HWU" not in out and "QUINTELA" not in out
