"""The ``kgbuild`` command line: a thin layer over the Python API.

Each sub-command lives in its own module in this package and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a
function ``(args) -> int``. Errors a user can act on (``KgbuildError``)
print as one line and exit 2; other exceptions too, unless ``--debug``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from kgbuild.errors import KgbuildError

#: Sub-command modules, in the order ``--help`` lists them.
COMMANDS = ["build", "extract", "query", "view", "export", "stats", "serve", "push"]


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kgbuild",
        description="Build a knowledge graph from English news text; query it and look at it.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument("--version", action="version", version=f"kgbuild {_version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"kgbuild.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"kgbuild.cli.{name}":
                continue  # command not shipped in this build
            raise
        module.register(subparsers)
    return parser


def _version() -> str:
    import importlib.metadata

    try:
        return importlib.metadata.version("kgbuild")
    except importlib.metadata.PackageNotFoundError:  # run from a source tree that is not installed
        return "0+unknown"


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KgbuildError as exc:
        if args.debug:
            raise
        print(f"kgbuild: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kgbuild: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # "kgbuild stats g.ttl | head": the reader left; exit quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as exc:  # a bug: still one line unless --debug
        if args.debug:
            raise
        print(f"kgbuild: internal error: {type(exc).__name__}: {exc} (rerun with --debug)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
