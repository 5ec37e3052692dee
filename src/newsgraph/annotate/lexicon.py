"""Read the lexicons of the quote, event, fact and date components (data/*.tsv).

One format for all of them: `#` comments, `[section]` headers, tab-separated rows. Kept as data so the word
lists can grow without touching code; read once per process (lru_cache). Components whose word lists a user may
replace (`LexiconComponent`: quotes, events, entities) take a file in the same format through
`initialize(lexicon_path=...)` (its sections replace the shipped sections of the same name, or with `extend=True`
add rows to them) and save the lexicon they use with `nlp.to_disk`, so a saved pipeline carries its own word lists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

Sections = dict[str, list[tuple[str, ...]]]


def parse_sections(text: str) -> Sections:
    """Lexicon text as {section: [row, ...]}; rows are tuples of stripped tab-separated fields."""
    out: Sections = {}
    current = ""
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("[") and line.rstrip().endswith("]"):
            current = line.strip()[1:-1]
            out.setdefault(current, [])
            continue
        out.setdefault(current, []).append(tuple(f.strip() for f in line.split("\t")))
    return out


def merge_sections(base: Sections, user: Sections, extend: bool = False) -> Sections:
    """`base` with the sections of `user`: each replaces the section of the same name, or with `extend` adds its
    rows to it (rows already there are not repeated). Sections `user` does not name stay as in `base`."""
    out = {name: list(rows) for name, rows in base.items()}
    for name, rows in user.items():
        if extend:
            have = set(out.get(name, []))
            out[name] = out.get(name, []) + [r for r in rows if r not in have]
        else:
            out[name] = list(rows)
    return out


def format_sections(data: Sections) -> str:
    """The text `parse_sections` reads back as `data`."""
    lines: list[str] = []
    for name, rows in data.items():
        if name:
            lines.append(f"[{name}]")
        lines += ["\t".join(row) for row in rows]
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=32)
def sections(name: str) -> Sections:
    """data/<name> as {section: [row, ...]}; rows are tuples of stripped tab-separated fields."""
    return parse_sections(resources.files("newsgraph.annotate").joinpath(f"data/{name}").read_text(encoding="utf-8"))


@lru_cache(maxsize=256)
def words(name: str, section: str) -> frozenset[str]:
    """The first field of every row of one section, lower-cased (cached: callers ask per token)."""
    return section_words(sections(name), section)


def section_words(data: Sections, *names: str) -> frozenset[str]:
    """The first field of every row of the named sections of `data`, lower-cased."""
    return frozenset(row[0].lower() for name in names for row in data.get(name, []))


@lru_cache(maxsize=256)
def mapping(name: str, section: str) -> Mapping[str, str]:
    """first field -> second field of one section (first field lower-cased).

    Built once per (file, section) and process: date, fact and quote code asks per token. Read-only
    (MappingProxyType) because every caller shares the one cached mapping."""
    return MappingProxyType({row[0].lower(): (row[1] if len(row) > 1 else "") for row in sections(name).get(section, [])})


@lru_cache(maxsize=32)
def kinds(name: str) -> Mapping[str, tuple[str, ...]]:
    """kind -> its lower-case words, in file order, of a `kind<TAB>word` file without sections (data/<name>:
    streets.tsv, org_kinds.tsv). Built once per file and process (read per mention); read-only, as `mapping`."""
    out: dict[str, list[str]] = {}
    for row in sections(name).get("", []):
        out.setdefault(row[0], []).append(row[1].lower())
    return MappingProxyType({k: tuple(v) for k, v in out.items()})


class LexiconComponent:
    """A component whose word lists come from one sectioned lexicon (the shipped file unless the user gives one).

    Subclasses set `default_lexicon` (a callable returning the shipped lexicon) and implement `set_lexicon`, which
    derives the word sets the component reads. spaCy calls `initialize` (from `nlp.initialize()`, with the
    `[initialize.components.NAME]` settings) and `to_disk`/`from_disk` (from `nlp.to_disk` and `spacy.load`).
    """

    lexicon_file = "lexicon.tsv"
    default_lexicon: Callable[[], Sections]
    lexicon: Sections

    def set_lexicon(self, data: Sections) -> None:
        raise NotImplementedError

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *, nlp=None,
                   lexicon_path: str | None = None, extend: bool = False) -> None:
        """Use the shipped lexicon with the sections of the file `lexicon_path` (same format): each replaces the
        shipped section of its name, or with `extend` adds its rows to it. Without a file, the shipped lexicon."""
        data = self.default_lexicon()
        if lexicon_path:
            data = merge_sections(data, parse_sections(Path(lexicon_path).read_text(encoding="utf-8")), extend)
        self.set_lexicon(data)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / self.lexicon_file).write_text(format_sections(self.lexicon), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LexiconComponent:
        f = Path(path) / self.lexicon_file
        if f.exists():
            self.set_lexicon(parse_sections(f.read_text(encoding="utf-8")))
        return self
