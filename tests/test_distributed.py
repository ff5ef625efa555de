"""The Dask engine: same triples in the same order as the local engine, on a local cluster."""

from __future__ import annotations

import builtins
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.records import Document
from kg.runner.distributed import extract_dask
from kg.runner.pipeline import ExtractOptions, extract_documents
from tests.test_parallel import TEXTS

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (pip install kg[dask])")


def _docs(n: int = 10) -> list[Document]:
    return [Document(id=f"d{i:02d}", text=TEXTS[i % len(TEXTS)], date="2024-06-19") for i in range(n)]


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """An existing cluster, as a user would start it: 2 worker processes, one thread each."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=40) as c:
        yield c


def test_missing_dask_gives_an_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.runner.distributed import DaskUnavailable, extract_dask

    real_import = builtins.__import__

    def no_distributed(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "distributed" or name.startswith("distributed."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_distributed)
    with pytest.raises(DaskUnavailable, match=r"pip install 'kg\[dask\]'"):
        extract_dask(_docs(1), ExtractOptions())


def test_unreachable_scheduler_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.runner.distributed

    monkeypatch.setattr(kg.runner.distributed, "CONNECT_TIMEOUT", 1)
    with pytest.raises(OSError, match=re.escape("cannot reach the Dask scheduler at tcp://127.0.0.1:9")):
        list(extract_documents(_docs(1), engine="dask", scheduler="tcp://127.0.0.1:9"))


@pytest.mark.model
@pytest.mark.slow
def test_existing_cluster_gives_the_local_triples_in_order(nlp: Any, cluster: Any) -> None:
    docs = _docs(10)
    local = list(extract_documents(docs, nlp=nlp))
    finished: list[str] = []
    # Batches of 3 documents: several per worker, so they can finish out of order.
    remote = list(extract_dask(docs, ExtractOptions(), scheduler=cluster.scheduler_address, batch=3,
                               on_document=lambda d, _m: finished.append(d.id)))
    assert len(local) >= len(docs)
    assert [t.to_dict() for t in remote] == [t.to_dict() for t in local]
    assert finished == [d.id for d in docs]
    # Each worker process loaded the model once (one task thread each) and kept it for its next batches.
    from kg.runner.distributed import pipelines_loaded

    with distributed.Client(cluster) as client:
        loads = client.run(pipelines_loaded)
    assert sorted(loads.values()) == [1, 1]


@pytest.mark.model
@pytest.mark.slow
def test_cli_engine_dask_starts_a_local_cluster(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"a{i}.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    local = runner.invoke(cli, ["extract", str(folder), "-o", str(tmp_path / "local.jsonl"), "-s"])
    assert local.exit_code == 0, local.output
    dask = runner.invoke(cli, ["extract", str(folder), "-o", str(tmp_path / "dask.jsonl"), "-s",
                               "--engine", "dask", "--jobs", "2"])
    assert dask.exit_code == 0, dask.output
    lines = (tmp_path / "dask.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= len(TEXTS)
    assert lines == (tmp_path / "local.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["doc_id"] for line in lines} == {f"a{i}.txt" for i in range(len(TEXTS))}
