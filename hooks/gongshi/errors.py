"""Problems found in an editor's input, each tied to a file and a line,
each said in English and in Chinese (the editors' language, and the default);
and the one error that is not the input's: a search the build cannot make."""
from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field


def message_language() -> str:
    """The language problems are printed in: GONGSHI_LANG=en for English."""
    return "en" if os.environ.get("GONGSHI_LANG", "").lower().startswith("en") else "zh"


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the project, e.g. "data/round.yaml"
    line: int
    message: str  # in English
    zh: str = field(compare=False)  # the same message in Chinese
    column: int | None = field(default=None, compare=False)
    # Where it is, where a file:line would not say it: a spreadsheet cell
    # (ledger.xlsx!Sheet1!D14) or a command-line option (--date).
    place: str | None = field(default=None, compare=False)

    def format(self, lang: str = "en") -> str:
        where = self.place or f"{self.path}:{self.line}" + (f":{self.column}" if self.column else "")
        return f"{where}: {self.zh if lang == 'zh' else self.message}"

    def __str__(self) -> str:
        return self.format()


class InputError(Exception):
    """Raised with every problem found, never just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))  # one mistake found by two checks is said once
        super().__init__("\n".join(map(str, self.problems)))

    def format(self, lang: str) -> str:
        return "\n".join(problem.format(lang) for problem in self.problems)


class SearchError(Exception):
    """The build cannot produce a search that works; said in English and Chinese."""

    def __init__(self, en: str, zh: str):
        super().__init__(en)
        self.en, self.zh = en, zh

    def __reduce__(self):
        # As it was made: it comes back from the build's second process (gongshi.second_process).
        return SearchError, (self.en, self.zh)

    def format(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def closest(word: str, known, cutoff: float = 0.6) -> str | None:
    """The known word nearest to `word` (difflib's ratio at least `cutoff`), or None."""
    return next(iter(difflib.get_close_matches(word, list(known), n=1, cutoff=cutoff)), None)


def suggest(word: str, known: list[str], kind: tuple[str, str], quotes: tuple[str, str] = ("`", "`"),
            otherwise: tuple[str, str] | None = None) -> tuple[str, str]:
    """The nearest known word, in English and Chinese; where none is near, the
    list of them, or `otherwise` (where a list would be too long to help).
    `kind` names what they are, e.g. ("keys", "键"). Words are quoted as code
    for editors of YAML, or as “text” (`quotes`) for a spreadsheet's users."""
    opening, closing = quotes
    guess = closest(str(word), known)
    if guess is not None:
        return f"did you mean {opening}{guess}{closing}?", f"是不是想写 {opening}{guess}{closing}？"
    if otherwise is not None:
        return otherwise
    listed = ", ".join(f"{opening}{k}{closing}" for k in known)
    return f"known {kind[0]}: {listed}", f"可用的{kind[1]}有：{listed}"
