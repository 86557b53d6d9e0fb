"""The `gongshi` command: one subcommand per module that registers itself here."""
from __future__ import annotations

import argparse

from .importer import command as import_command


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="gongshi", description="公示站点工具 / tools for gongshi sites")
    subparsers = parser.add_subparsers(dest="command", required=True)
    import_command.add_parser(subparsers)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    raise SystemExit(main())
