"""How fast graph.html becomes usable: synthetic contract graphs in headless Chromium.

For each size it makes a synthetic graph (kgbuild.view.synthetic), writes graph.html and a
PNG picture, opens the page from a file:// URL in Debian's Chromium and measures the time
from navigation to the page's "ready" flag (set once the layout has stabilised and physics
is off), then the same after "Show more". It also builds the example article with
``kgbuild build`` (when ../shared/examples/haqqani.txt exists) and screenshots its page.

Run:  .venv/bin/python bench/view.py [--sizes 500 5000] [--out /tmp/kgbuild-view-bench]
Needs: apt-get install chromium; pip install playwright (no `playwright install`).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kgbuild.view.html import write_html  # noqa: E402
from kgbuild.view.static import write_picture  # noqa: E402
from kgbuild.view.synthetic import synthetic_graph  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def _wait_ready(page, timeout_ms: int = 300_000) -> None:
    page.wait_for_selector("html[data-ready=true]", state="attached", timeout=timeout_ms)


def measure_page(browser, html: Path, shot: Path, more: bool = True) -> dict:
    """Open a page, time it to ready (and after "Show more"), screenshot it; count requests."""
    page = browser.new_page(viewport={"width": 1400, "height": 860})
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    started = time.perf_counter()
    page.goto(html.resolve().as_uri())
    _wait_ready(page)
    wall = time.perf_counter() - started
    in_page = page.evaluate("window.kgTimings.ready") / 1000  # ms since navigation start
    drawn = page.evaluate("window.kgView.nodes.length")
    page.wait_for_timeout(200)
    page.screenshot(path=str(shot))
    result = {"ready_s": in_page, "wall_s": wall, "drawn": drawn}
    if more and not page.locator("#more").is_disabled():
        started = time.perf_counter()
        page.click("#more")
        _wait_ready(page)
        result["more_s"] = time.perf_counter() - started
        result["drawn_after_more"] = page.evaluate("window.kgView.nodes.length")
    result["requests_besides_page"] = len([u for u in requests if u != html.resolve().as_uri()])
    result["console_errors"] = len(errors)
    page.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000], help="entities per synthetic graph")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "kgbuild-view-bench")
    args = parser.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright is not installed: pip install playwright", file=sys.stderr)
        return 1
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install chromium", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in args.sizes:
            t = time.perf_counter()
            graph = synthetic_graph(n, n_documents=max(3, n // 50), seed=1)
            make_s = time.perf_counter() - t
            t = time.perf_counter()
            html = write_html(graph, args.out / f"synthetic-{n}.html", title=f"Synthetic graph, {n} entities")
            html_s = time.perf_counter() - t
            t = time.perf_counter()
            write_picture(graph, args.out / f"synthetic-{n}.png", title=f"Synthetic graph, {n} entities")
            png_s = time.perf_counter() - t
            page = measure_page(browser, html, args.out / f"synthetic-{n}-screenshot.png")
            rows.append((f"synthetic {n}", len(graph), html.stat().st_size, html_s, png_s, page))
            print(f"# synthetic {n}: graph made in {make_s:.1f} s, {len(graph)} triples", file=sys.stderr)

        example = ROOT.parent / "shared" / "examples" / "haqqani.txt"
        if example.exists():
            built = args.out / "haqqani"
            subprocess.run([sys.executable, "-m", "kgbuild", "build", str(example), "-o", str(built)], check=True,
                           cwd=ROOT)
            html = built / "graph.html"
            page = measure_page(browser, html, args.out / "haqqani-screenshot.png", more=False)
            rows.append(("haqqani.txt", None, html.stat().st_size, None, None, page))
        browser.close()

    print(f"{'graph':<16} {'triples':>8} {'html MB':>8} {'write s':>8} {'png s':>6} {'drawn':>6} "
          f"{'ready s':>8} {'wall s':>7} {'more s':>7} {'drawn+':>7} {'requests':>8} {'errors':>6}")
    def fmt(value, width: int, decimals: int | None = None) -> str:
        if value is None:
            return "-".rjust(width)
        return f"{value:>{width}.{decimals}f}" if decimals is not None else f"{value:>{width}}"

    for name, triples, size, html_s, png_s, p in rows:
        print(f"{name:<16} {fmt(triples, 8)} {size / 1e6:>8.2f} {fmt(html_s, 8, 2)} {fmt(png_s, 6, 2)} "
              f"{p['drawn']:>6} {p['ready_s']:>8.2f} {p['wall_s']:>7.2f} {fmt(p.get('more_s'), 7, 2)} "
              f"{fmt(p.get('drawn_after_more'), 7)} {p['requests_besides_page']:>8} {p['console_errors']:>6}")
    print(f"screenshots and pages: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
