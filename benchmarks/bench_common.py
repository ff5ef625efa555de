"""Helpers shared by kg's benchmark scripts (not a benchmark itself).

* the corpus: ``../shared/corpora/wikinews`` beside the repository, read with kg's own reader, optionally
  cut to the first ``--limit-words`` words;
* peak memory of a command: the resident set size of the whole process tree, polled, plus the kernel's
  high-water mark of the largest single process (what ``/usr/bin/time -v`` reports);
* synthetic triples with a realistic, skewed spread of actors, for the graph and export benchmarks.
"""

from __future__ import annotations

import contextlib
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpora" / "wikinews"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # run from a checkout without installing

from kg.records import Document, Triple  # noqa: E402

#: ``python -m kg``: the CLI of this checkout, whatever ``kg`` on PATH is.
KG = [sys.executable, "-m", "kg"]
MIB = 1024 * 1024


def words(text: str) -> int:
    """Words as the issue counts them: runs of non-space characters."""
    return len(text.split())


def load_corpus(path: Path = CORPUS, *, limit_words: int | None = None) -> list[Document]:
    """The corpus as kg reads it, whole documents only, up to ``limit_words`` words."""
    from kg.ingest.documents import read_documents

    if not path.exists():
        sys.exit(f"corpus {path} not found: pass --corpus (../shared beside the repo)")
    out: list[Document] = []
    total = 0
    for d in read_documents([path]):
        if limit_words is not None and total >= limit_words:
            break
        out.append(d)
        total += words(d.text)
    return out


def write_corpus(documents: Sequence[Document], folder: Path, *, copies: int = 1) -> Path:
    """Write the documents as .txt files (``copies`` times, in sub-folders, so every copy has its own ids)."""
    for c in range(copies):
        sub = folder / f"copy{c}" if copies > 1 else folder
        sub.mkdir(parents=True, exist_ok=True)
        for d in documents:
            name = d.id if d.id.endswith(".txt") else f"{d.id}.txt"
            (sub / name).write_text(d.text, encoding="utf-8")
    return folder


@dataclass(frozen=True)
class Run:
    """What one command cost."""

    seconds: float
    peak_tree_rss: int  # bytes: the largest sum of RSS over the process and its descendants, polled
    peak_process_rss: int  # bytes: the kernel's high-water mark of the largest single process
    stderr: str


def _tree_rss(root: Any) -> int:
    """Resident bytes of a process and all its descendants (0 once it is gone)."""
    import psutil

    total = 0
    try:
        family = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in family:
        with contextlib.suppress(psutil.Error):  # a worker may exit between listing and reading
            total += p.memory_info().rss
    return int(total)


def measure(cmd: Sequence[str], *, poll: float = 0.25, env: dict[str, str] | None = None,
            stdout: int | None = subprocess.DEVNULL) -> Run:
    """Run ``cmd`` and measure wall time and peak memory; raises if the command fails."""
    import psutil

    peak = 0
    stop = threading.Event()
    # stderr goes to a file, not a pipe: a chatty child cannot block on a full pipe.
    with tempfile.TemporaryFile() as errfile:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=stdout, stderr=errfile, cwd=REPO,
                                env={**os.environ, **(env or {})})

        def sample() -> None:
            nonlocal peak
            with contextlib.suppress(psutil.Error):
                root = psutil.Process(proc.pid)
                while not stop.is_set():
                    peak = max(peak, _tree_rss(root))
                    stop.wait(poll)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        # wait4 gives the child's own resource usage: ru_maxrss (KiB) is its high-water mark.
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        stop.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        errfile.seek(0)
        err = errfile.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    return Run(seconds, peak, usage.ru_maxrss * 1024, err)


def machine_load() -> str:
    """The load average and CPU pressure: other work on the machine slows parallel runs most."""
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"
    pressure = Path("/proc/pressure/cpu")
    some = pressure.read_text().split("\n")[0].split()[1] if pressure.exists() else "avg10=?"
    return f"load average {load} on {os.cpu_count()} CPUs, CPU pressure {some.replace('avg10=', '')}% (10 s)"


def mib(n: int) -> str:
    return f"{n / MIB:,.0f} MiB"


# --- synthetic triples ---------------------------------------------------------------------------

_FIRST = ["Anna", "Boris", "Carlos", "Dmitri", "Elena", "Fatima", "Goran", "Hana", "Ivan", "Jun", "Kofi",
          "Lina", "Marek", "Nadia", "Omar", "Priya", "Rafael", "Sara", "Tomas", "Yusuf"]
_LAST = ["Abe", "Bauer", "Costa", "Dlamini", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanov", "Jensen",
         "Kim", "Lopez", "Meyer", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Singh", "Tanaka"]
_ORG = ["Ministry", "Council", "Party", "Front", "Agency", "Union", "Bank", "Movement", "Commission", "Army"]
_RELATIONS = [("meet", "CONSULT"), ("criticize", "ACCUSE"), ("sanction", "SANCTION"), ("attack", "ASSAULT"),
              ("sign agreement with", "AGREE"), ("cooperate with", "COOPERATE"), ("threaten", "THREATEN"),
              ("support", "SUPPORT"), ("aid", "AID"), ("protest against", "PROTEST"),
              ("leader of", "LEADER_OF"), ("ally with", "ALLY_OF"), ("ask", "REQUEST"), ("reject", "REJECT"),
              ("member of", "MEMBER_OF")]


def _actors(n: int, rng: random.Random) -> list[tuple[str, str, str, str | None]]:
    """``n`` actors: (name, spaCy label, id, iso3); states first, then people, organisations, groups."""
    out: list[tuple[str, str, str, str | None]] = []
    for i in range(min(n // 10, 250)):
        code = f"{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}X"
        out.append((f"State {code}", "GPE", code, code))
    i = 0
    while len(out) < n:
        kind = i % 3
        if kind == 0:
            name, label = f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {i}", "PERSON"
        elif kind == 1:
            name, label = f"{rng.choice(_ORG)} of Region {i}", "ORG"
        else:
            name, label = f"Group {i}", "NORP"
        out.append((name, label, name.lower().replace(" ", "_"), None))
        i += 1
    return out


def synthetic_triples(n: int, *, actors: int = 3000, documents: int | None = None, skew: float = 1.0,
                      seed: int = 7) -> Iterator[Triple]:
    """``n`` kg triples over ``actors`` actors, popularity skewed like news (a few actors in most triples).

    The k-th actor is named about ``1 / k ** skew`` as often as the first (Zipf's law).
    """
    rng = random.Random(seed)
    cast = _actors(actors, rng)
    cum: list[float] = []
    total = 0.0
    for k in range(len(cast)):
        total += 1.0 / (k + 1) ** skew
        cum.append(total)
    documents = documents or max(1, n // 8)
    per_doc = max(1, n // documents)
    for i in range(n):
        doc = i // per_doc
        (s, sl, sid, siso), (o, ol, oid, oiso) = rng.choices(cast, cum_weights=cum, k=2)
        relation, rtype = rng.choice(_RELATIONS)
        sentence = f"{s} said on Monday that it would {relation} {o} over the dispute, officials said."
        o_start = sentence.index(o, len(s))
        month, day = 1 + doc % 12, 1 + doc % 28
        yield Triple(doc_id=f"doc{doc:07d}", sentence_index=i % per_doc, sentence=sentence,
                     subject=s, subject_type=sl, subject_text=s, subject_span=(0, len(s)),
                     relation=relation, relation_type=rtype, object=o, object_type=ol, object_text=o,
                     object_span=(o_start, o_start + len(o)), negated=rng.random() < 0.03,
                     modality="asserted", confidence=round(0.5 + rng.random() / 2, 2),
                     date=f"2024-{month:02d}-{day:02d}", subject_id=sid, object_id=oid, subject_iso3=siso,
                     object_iso3=oiso, sentence_start=0, pattern="synthetic",
                     doc_title=f"Article {doc}", doc_url=f"https://news.example/{doc}")
