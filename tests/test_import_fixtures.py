"""`gongshi import` on the made-up notices of the genre's shapes whose sites
are written by hand (tests/fixtures/genre-a, -b, -c): the import finds the
same blocks, areas, problems with their statuses, measures and totals as the
hand-made site holds. Ids differ (the import cannot know `water` from
`area-1`); what they point at must not."""
from __future__ import annotations

import pytest
from support import ROOT

from gongshi.data import load_site
from gongshi.importer import import_notice
from gongshi.importer.command import DEFAULTS, _read
from gongshi.model import Statuses, Units
from gongshi.validate import printed

FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="module")
def vocabulary():
    units = _read(DEFAULTS / "units.yaml", Units, ("zh",))[0].units
    statuses = _read(DEFAULTS / "statuses.yaml", Statuses, ("zh",))[0].statuses
    return units, statuses


def _shape(site) -> dict:
    """What a site says of its notice, by what the ids point at rather than by the ids."""
    line = {block.id: printed(block, "zh") for block in site.notice.blocks}
    status = {status.id: status.label["zh"] for status in site.statuses}

    def items(measures):
        return [line[m.block] for m in measures]

    return {
        "blocks": [(block.kind, printed(block, "zh")) for block in site.notice.blocks],
        "areas": [{"heading": line[area.block],
                   "problems": [(line[p.block], status.get(p.status), items(p.measures)) for p in area.problems],
                   "measures": items(area.measures)} for area in site.areas],
        "totals": {name: (figure.value, line[figure.block]) for name, figure in site.round.totals.named().items()},
        "as_of": site.round.totals.as_of,
    }


@pytest.mark.parametrize("name", ["genre-a", "genre-b", "genre-c"])
def test_the_import_finds_what_the_hand_made_site_holds(name, vocabulary):
    imported = import_notice(FIXTURES / name / "notice.txt", *vocabulary, ("zh",)).site
    expected = _shape(load_site(FIXTURES / name / "data"))
    found = _shape(imported)
    assert found["blocks"] == expected["blocks"]
    assert found["areas"] == expected["areas"]
    # The import writes no total the notice does not state, and may name the notice's
    # counts only as the hand-made site does.
    assert {name: value for name, (value, _) in found["totals"].items()} == {
        name: value for name, (value, _) in expected["totals"].items()}
    assert found["as_of"] == expected["as_of"]
