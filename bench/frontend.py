"""Frontend numbers: initial JavaScript gzipped size and time to interactive of the task list."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DIST_DIR = REPO_ROOT / "frontend" / "dist"


class _InitialScripts(HTMLParser):
    """Scripts index.html makes the browser fetch up front: <script src> and modulepreload links."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.sources.append(values["src"])
        elif tag == "link" and values.get("rel") == "modulepreload" and values.get("href"):
            self.sources.append(values["href"])


def spa_dir(workdir: Path) -> tuple[Path, str | None]:
    """The built SPA (BENCH_SPA_DIR, default frontend/dist), or a placeholder page and the reason
    the frontend cannot be measured."""
    dist = Path(os.environ.get("BENCH_SPA_DIR") or DIST_DIR).resolve()
    if (dist / "index.html").is_file():
        return dist, None
    placeholder = workdir / "spa"
    placeholder.mkdir(parents=True, exist_ok=True)
    (placeholder / "index.html").write_text("<!doctype html><title>no build</title>\n")
    return placeholder, "frontend/dist is missing (build it with `npm --prefix frontend run build`)"


def initial_js_gzip(dist: Path) -> tuple[int, list[str]]:
    """Sum of gzip -9 sizes of the JS referenced by index.html."""
    parser = _InitialScripts()
    parser.feed((dist / "index.html").read_text())
    total, files = 0, []
    for source in dict.fromkeys(parser.sources):
        path = dist / source.lstrip("/")
        total += len(gzip.compress(path.read_bytes(), compresslevel=9))
        files.append(source)
    return total, files


def _closure(manifest: dict, key: str, seen: set[str]) -> set[str]:
    if key not in seen:
        seen.add(key)
        for child in manifest[key].get("imports", []):
            _closure(manifest, child, seen)
    return seen


def page_totals(dist: Path) -> dict[str, int]:
    """Gzip -9 bytes of everything two first pages load, from Vite's manifest: index.html's
    scripts plus the login page's chunks, and plus the signed-in shell and the task list's."""
    manifest_path = dist / ".vite" / "manifest.json"
    if not manifest_path.is_file():
        return {}
    manifest = json.loads(manifest_path.read_text())
    entry = next(key for key, chunk in manifest.items() if chunk.get("isEntry"))
    pages = {
        "login page (signed out)": ["src/app/routes/login.tsx"],
        "task list (signed in)": ["src/app/layout/AppLayout.tsx", "src/app/routes/tasks.tsx"],
    }
    totals = {}
    for name, keys in pages.items():
        chunks = _closure(manifest, entry, set())
        for key in keys:
            _closure(manifest, key, chunks)
        files = {manifest[key]["file"] for key in chunks}
        totals[name] = sum(
            len(gzip.compress((dist / file).read_bytes(), compresslevel=9)) for file in files
        )
    return totals


def time_to_interactive(url: str, email: str, password: str) -> dict:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is not installed")
    completed = subprocess.run(
        [node, str(REPO_ROOT / "bench" / "tti.mjs")],
        env={**os.environ, "TTI_URL": url, "TTI_EMAIL": email, "TTI_PASSWORD": password},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    if completed.returncode != 0:
        last = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"tti.mjs failed: {last}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def measure(dist: Path, missing: str | None, url: str, email: str, password: str) -> dict:
    """Frontend results; each part says "not measured: <why>" instead of a number it lacks."""
    if missing:
        return {"js": f"not measured: {missing}", "tti": f"not measured: {missing}"}
    total, files = initial_js_gzip(dist)
    what = "the scripts and module preloads of index.html"
    js = {"gzip_bytes": total, "files": files, "what": what, "pages": page_totals(dist)}
    result: dict = {"js": js}
    if not (REPO_ROOT / "frontend/node_modules/playwright-core").is_dir():
        result["tti"] = "not measured: frontend/node_modules/playwright-core is missing (npm ci)"
        return result
    try:
        result["tti"] = time_to_interactive(url, email, password)
    except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as error:
        result["tti"] = f"not measured: {error}"
    return result
