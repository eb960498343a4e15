"""policykb serve"""

from __future__ import annotations

HELP = "build, then serve the built site (site/) locally, exactly as built"


def register(sub) -> None:
    p = sub.add_parser("serve", help=HELP, description=HELP)
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    p.set_defaults(func=run)


def run(args, root) -> int:
    import functools
    import http.server

    from policykb.build import build_corpus  # imported here: other commands need not load it
    from policykb.errors import PolicyKBError

    build_corpus(root)
    host, _, port = args.dev_addr.rpartition(":")
    if not port.isdigit():
        raise PolicyKBError(f"--dev-addr must be HOST:PORT, not {args.dev_addr!r}")
    # the built site as it is (its search index is written after mkdocs), not `mkdocs serve`'s rebuild
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "site"))
    with http.server.ThreadingHTTPServer((host or "127.0.0.1", int(port)), handler) as httpd:
        print(f"serving {root / 'site'} at http://{host or '127.0.0.1'}:{port}/ (Ctrl-C stops)")
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0
