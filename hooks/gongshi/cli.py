"""The `gongshi` command for editors: `gongshi check`, `gongshi schema`, `gongshi markers`, `gongshi import`, `gongshi update`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check_project
from .errors import message_language
from .render import marker_table
from .importer import command as import_command
from . import update as update_command
from .schema import stale_schemas, write_schemas


def _check(args) -> int:
    lang = args.lang or message_language()
    problems = check_project(args.root)
    for problem in problems:
        print(problem.format(lang))
    if problems:
        print(f"发现 {len(problems)} 处问题。" if lang == "zh" else f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print("检查通过，没有发现问题。" if lang == "zh" else "No problems found.", file=sys.stderr)
    return 0


def _schema(args) -> int:
    if args.check:
        stale = stale_schemas(args.root)
        for name in stale:
            print(f"schema/{name} is out of date with the model; run `gongshi schema`")
        return 1 if stale else 0
    for path in write_schemas(args.root):
        print(path)
    return 0


def _markers(args) -> int:
    print(marker_table(args.lang or message_language()))
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="gongshi", description="公示站点工具 / tools for a gongshi site")
    commands = main.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="检查数据与页面，不构建网站 / check data and pages without building")
    check.add_argument("--lang", choices=["zh", "en"], help="message language (default: zh, or GONGSHI_LANG)")
    check.set_defaults(run=_check)
    schema = commands.add_parser("schema", help="write schema/*.schema.json from the model")
    schema.add_argument("--check", action="store_true", help="only report schema files that are out of date")
    schema.set_defaults(run=_schema)
    for command in (check, schema):
        command.add_argument("--root", type=Path, default=Path("."), help="the project folder (default: .)")
    markers = commands.add_parser("markers", help="列出页面中可用的数据标记 / list the data markers pages can use")
    markers.add_argument("--lang", choices=["zh", "en"], help="message language (default: zh, or GONGSHI_LANG)")
    markers.set_defaults(run=_markers)
    import_command.add_parser(commands)
    update_command.add_parser(commands)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
