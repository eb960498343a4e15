"""`policykb` entry point: one module per command, each exposing ``register(subparsers)``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policykb import __version__
from policykb.errors import PolicyKBError

# The command modules are imported inside main() (see commands()), so Ctrl-C while they load is
# an interruption like any other (exit 130, no traceback).
COMMAND_MODULES = ("build_cmd", "add_cmd", "extract_cmd", "serve_cmd", "search_cmd", "cite_cmd", "export_cmd", "check_cmd", "glossary_cmd")


def commands() -> tuple:
    import importlib

    return tuple(importlib.import_module(f"policykb.cli.{name}") for name in COMMAND_MODULES)


def __getattr__(name: str):
    if name == "COMMANDS":
        return commands()
    raise AttributeError(name)


def find_root(start: Path) -> Path:
    """The project root: the nearest folder (from ``start`` up) with corpus/ and mkdocs.yml."""
    for d in [start, *start.parents]:
        if (d / "corpus").is_dir() and (d / "mkdocs.yml").is_file():
            return d
    return start


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policykb",
        description="Policy-analysis knowledge base built from Chinese research papers on AI "
        "and new quality productive forces.",
    )
    parser.add_argument("--version", action="version", version=f"policykb {__version__}")
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="project folder (with corpus/ and mkdocs.yml); default: found from the current folder",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in commands():
        mod.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        parser = make_parser()
    except KeyboardInterrupt:
        print("policykb: interrupted", file=sys.stderr)
        return 130
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 1
    root = args.root.resolve() if args.root else find_root(Path.cwd().resolve())
    try:
        return args.func(args, root) or 0
    except PolicyKBError as exc:
        print(f"policykb: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("policykb: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # disk full, permissions …: one line naming the file, no traceback
        where = exc.filename or root
        print(f"policykb: error: {where}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


def run() -> None:
    """The command's entry point: ``main()``, then exit with its code. Once the work is done, an
    interrupt that arrives while Python shuts down changes nothing (it used to end a finished
    build with -SIGINT and no message)."""
    import signal

    code = main()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
