"""Open a kg map in headless Chromium with the network cut off: for tests, benchmarks and screenshots.

Needs the ``playwright`` Python package (the ``test`` extra) and a Chromium binary: ``$KG_CHROMIUM``,
Debian's ``/usr/bin/chromium`` or ``chromium``/``chromium-browser``/``google-chrome`` on PATH.
Playwright's own browser download is not used. Every request the page makes is recorded; anything
that is not the page's own file, ``data:`` or ``blob:`` is aborted, and the host resolver maps every
name to nothing, so a page that tried to reach a host would fail loudly in the recorded list.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Flags for a quiet, offline, reproducible headless Chromium (root needs --no-sandbox).
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-default-apps", "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND",
                 "--force-color-profile=srgb", "--hide-scrollbars")
_LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def find_chromium() -> str | None:
    """The Chromium executable to drive, or None."""
    env = os.environ.get("KG_CHROMIUM")
    if env and Path(env).exists():
        return env
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def browser_missing() -> str | None:
    """Why the browser cannot be used here (a skip reason), or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install 'kg[test]')"
    if find_chromium() is None:
        return "no Chromium found (install Debian's chromium or set KG_CHROMIUM)"
    return None


@dataclass
class MapPage:
    """An open map: the playwright ``page``, and every request and console error it produced."""

    page: Any
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def wait_ready(self, timeout_ms: float = 60_000) -> float:
        """Wait until the layout settled (body[data-state=ready]); return the page's own ready time, ms."""
        self.page.wait_for_selector('body[data-state="ready"]', state="attached", timeout=timeout_ms)
        return float(self.page.evaluate("window.kgMap.readyAt"))

    def outside_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(_LOCAL_SCHEMES)]


@contextlib.contextmanager
def browser(**launch: Any) -> Iterator[Any]:
    """A headless Chromium (playwright Browser) with kg's offline flags and a fresh temporary profile."""
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if executable is None:
        raise RuntimeError(browser_missing() or "no Chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, headless=True, args=list(CHROMIUM_ARGS), **launch)
        try:
            yield b
        finally:
            b.close()


@contextlib.contextmanager
def open_map(path: str | os.PathLike[str], *, browser_: Any = None, width: int = 1400, height: int = 900,
             wait: bool = True, scale: float = 1, init_script: str | None = None, fragment: str = "",
             color_scheme: str = "light") -> Iterator[MapPage]:
    """Open the map at ``path`` offline in a fresh context; wait until it settled unless ``wait`` is False.

    ``init_script`` runs in the page before any of its own scripts (e.g. to watch for CSP violations);
    ``fragment`` ("#focus=Iran") is added to the file's URL; ``color_scheme`` is "light" or "dark".
    """
    with contextlib.ExitStack() as stack:
        b = browser_ if browser_ is not None else stack.enter_context(browser())
        context = b.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale,
                                accept_downloads=True, service_workers="block", color_scheme=color_scheme)
        stack.callback(context.close)
        page = context.new_page()
        m = MapPage(page)

        def route(r: Any) -> None:
            url = r.request.url
            if url.startswith(_LOCAL_SCHEMES):
                r.continue_()
            else:
                m.blocked.append(url)
                r.abort()

        context.route("**/*", route)
        page.on("request", lambda req: m.requests.append(req.url))
        page.on("console", lambda msg: m.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: m.errors.append(str(exc)))
        def dialog(d: Any) -> None:
            m.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        if init_script:
            page.add_init_script(init_script)
        page.goto(Path(path).resolve().as_uri() + fragment)
        if wait:
            m.wait_ready()
        yield m
