"""The language identifier's model, unpacked once per machine instead of once per process.

Why: py3langid ships its model (about 68 MB of arrays: the byte n-gram automaton and the per-language weights) as
an LZMA-compressed npz. Unpacking it took 0.45-0.7 s of CPU in every process that read a page, a fifth of the cold
start of `newsgraph analyze` on one page, although a page's sample visits only a few thousand of its entries.

So the first process unpacks it into `settings.cache_dir` (next to the gazetteer index) as plain .npy files, written
to a temporary folder and renamed into place (a process that loses the race keeps the winner's copy), and every
process memory-maps them: loading costs milliseconds, a pool's workers share the pages through the page cache, and
only the pages a sample touches are read. The arrays are the package's own, bit for bit (the cache's name holds a
hash of the compressed file and the package's version), so every language and confidence is the one py3langid's
own loader gives. A cache that cannot be written or read (read-only home, disk full, a truncated file) falls back
to py3langid's loader: slower, same answers.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

#: The arrays of py3langid's npz (modelio.load_model reads the same names).
ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
#: Bumped when the cache's layout changes (an old folder is then ignored, not misread).
LAYOUT = 1
_TYPECODE = {2: "H", 4: "I", 8: "L"}  # as py3langid's modelio._to_array


def model_file() -> Path:
    """The compressed model inside the installed py3langid package."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(MODEL_DIR) / MODEL_FILE


def cache_folder(model: Path, cache_dir: Path) -> Path:
    """Where this model's unpacked arrays live: named by the package version and a hash of the compressed file."""
    from importlib import metadata

    h = hashlib.sha1(model.read_bytes())
    try:
        h.update(metadata.version("py3langid").encode())
    except metadata.PackageNotFoundError:
        pass
    return cache_dir / f"langid-v{LAYOUT}-{h.hexdigest()[:10]}"


def load_identifier(cache_dir: Path | None):
    """py3langid's `LanguageIdentifier` (norm_probs=True) over the memory-mapped unpacked model; py3langid's own
    loader when there is no cache folder to use."""
    from py3langid.langid import LanguageIdentifier

    model = model_file()
    if cache_dir is not None:
        try:
            folder = cache_folder(model, cache_dir)
            if not folder.is_dir():
                unpack(model, folder)
            return _from_folder(folder, LanguageIdentifier)
        except (OSError, ValueError, KeyError, EOFError):
            pass  # unwritable or damaged cache: the package's loader below gives the same model
    return LanguageIdentifier.from_model_file(model, norm_probs=True)


def unpack(model: Path, folder: Path) -> None:
    """Decompress `model` into `folder` as one .npy per array, atomically (temporary folder, then rename)."""
    import lzma

    import numpy as np

    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    os.chmod(tmp, 0o755)  # as readable as the gazetteer index beside it (mkdtemp makes it private)
    try:
        with tempfile.TemporaryFile(suffix=".npz", dir=tmp) as npz:
            with lzma.open(model) as src:
                shutil.copyfileobj(src, npz, length=1 << 20)
            npz.seek(0)
            with np.load(npz, allow_pickle=False) as data:
                for name in ARRAYS:
                    np.save(tmp / f"{name}.npy", data[name], allow_pickle=False)
        try:
            os.rename(tmp, folder)
        except OSError:
            if not folder.is_dir():  # not a lost race: a real failure
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _from_folder(folder: Path, cls):
    """The identifier over the folder's arrays: the large ones memory-mapped, read-only."""
    import numpy as np

    def load(name: str, mmap: bool = False):
        return np.load(folder / f"{name}.npy", mmap_mode="r" if mmap else None, allow_pickle=False)

    ptc = load("ptc", mmap=True)
    classes = load("classes").tolist()
    nextmove = _ints(load("nextmove", mmap=True))
    row = _ints(load("nextmove_row", mmap=True))
    out = load("out_feat").tolist()
    return cls(np.asarray(ptc), np.asarray(load("pc")), classes, nextmove, out, norm_probs=True, tk_row=row)


def _ints(arr) -> memoryview:
    """An unsigned integer array as a flat memoryview: indexing gives Python ints, like the array('H'/'I') that
    py3langid's loader builds, without copying the mapped file."""
    return memoryview(arr).cast("B").cast(_TYPECODE[arr.dtype.itemsize])
