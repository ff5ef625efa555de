"""What the ``kg`` command tells its user on stderr: a problem as one line and an exit code (2 for a usage
error, 130 when interrupted), never a traceback; warnings; the progress bar of an extraction."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class UsageError(click.ClickException):
    """A problem found before any work starts (missing input, unknown model): exit code 2."""

    exit_code = EXIT_USAGE


def model_errors() -> tuple[type[Exception], ...]:
    """kg.nlp's error type if a command loaded it: ``kg build`` and ``kg export`` never import spaCy
    (two seconds), so the error handler must not either."""
    nlp = sys.modules.get("kg.nlp")
    return (nlp.ModelNotFound,) if nlp is not None else ()


def friendly_errors(func: F) -> F:
    """Turn library errors into one clear line and a non-zero exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from kg.export.json import GraphFormatError
        from kg.ingest.documents import InputError
        from kg.runner.resume import ResumeError

        try:
            return func(*args, **kwargs)
        except (InputError, ResumeError) as exc:
            raise UsageError(str(exc)) from exc
        except (GraphFormatError, ValueError, OSError) as exc:
            if isinstance(exc, model_errors()):  # an unknown model is a usage error too
                raise UsageError(str(exc)) from exc
            raise click.ClickException(os_problem(exc) if isinstance(exc, OSError) else str(exc)) from exc
        except KeyboardInterrupt:
            click.echo("kg: interrupted; finished outputs are intact, run again with --resume to continue",
                       err=True)
            sys.exit(EXIT_INTERRUPTED)

    return wrapper  # type: ignore[return-value]  # functools.wraps loses the exact signature type



_PART_NAME = re.compile(r"^\.(?P<name>.+)\.[^./]+\.part$")
# What to do about the system errors a user meets when writing outputs.
_OS_HINTS = {
    errno.EACCES: "choose a folder you can write to with -o",
    errno.EPERM: "choose a folder you can write to with -o",
    errno.EROFS: "choose a writable place with -o",
    errno.ENOSPC: "free some space, or write somewhere else with -o",
    errno.ENOENT: "check the path",
    errno.ENOTDIR: "check the path: a part of it is a file",
    errno.EISDIR: "name a file, not a folder",
    errno.EEXIST: "a file stands where kg must make a folder: check the path",
}


def os_problem(exc: OSError) -> str:
    """A system error as one line naming the file (the output's own name, not its temporary one) and
    what to do about it."""
    name = exc.filename
    if isinstance(name, str):
        part = _PART_NAME.match(os.path.basename(name))
        if part:
            name = os.path.join(os.path.dirname(name), part["name"])
    what = exc.strerror or str(exc)
    hint = _OS_HINTS.get(exc.errno or 0)
    line = f"{name}: {what}" if name else what
    return f"{line}; {hint}" if hint else line


def input_size(inputs: tuple[str, ...]) -> int | None:
    """Bytes of input, for the progress bar; None when reading a stream of unknown length."""
    total = 0
    for name in inputs:
        if name == "-":
            return None
        path = Path(name)
        files = path.rglob("*") if path.is_dir() else [path]
        total += sum(f.stat().st_size for f in files if f.is_file())
    return total or None


@contextlib.contextmanager
def progress(silent: bool, length: int | None, label: str) -> Iterator[Callable[[Any, Any], None]]:
    """A progress bar on stderr fed with documents as they finish."""
    if silent:
        yield lambda _document, _n: None
        return
    progressbar: Any = click.progressbar(length=length or 0, label=label, file=sys.stderr, show_pos=False,
                                         show_eta=bool(length), item_show_func=lambda _x: None)
    with progressbar as bar:
        def advance(document: Any, _mentions: Any) -> None:
            bar.update(len(document.text.encode("utf-8")) if length else 1)

        yield advance


def warn(line: str, *, bar: bool = False) -> None:
    """One warning line on stderr; on a terminal, first clear the progress bar's line so it stands alone."""
    clear = "\r\033[K" if bar and sys.stderr.isatty() else ""
    click.echo(f"{clear}warning: {line}", err=True)


def warn_unsupported(report: Any) -> None:
    """Files of other formats beside the articles are not warned one by one: one line names them."""
    note = report.unsupported_note()
    if note:
        warn(note)
