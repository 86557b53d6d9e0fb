"""The search index per language (manifest, chunks of text, shards of term
counts), and how pages are pointed at our worker."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongshi import search, terms
from gongshi.errors import SearchError
from gongshi.search import (MATERIAL_BUNDLE, MATERIAL_WORKER, WORKER, IndexBuilder, use_our_worker, without_comments,
                            write_indexes)
from gongshi.sections import Section
from gongshi.segment import Segmenter

ZH = [Section("areas/clean/", "清廉交通", "签订57份党风廉政责任书，加强12328平台和APP管理。"),
      Section("areas/clean/#car", "网约车", "开展网约车非法营运专项整治行动。")]
EN = [Section("en/areas/clean/", "Clean transport", "Integrity risk checks for 413 people.")]


def _write(site: Path, sections: dict[str, list[Section]], cache: Path | None = None) -> None:
    """Each language's index as a build writes it: its sections added in turn, then finished."""
    (site / WORKER).parent.mkdir(parents=True, exist_ok=True)
    if not (site / WORKER).exists():
        (site / WORKER).write_text("// worker", encoding="utf-8")
    segmenter = Segmenter(cache)
    builders = {lang: IndexBuilder(lang, site / "search", segmenter) for lang in sections}
    for lang, found in sections.items():
        for section in found:
            builders[lang].add(section)
    write_indexes(site, builders, segmenter)
    segmenter.save()  # as the build's second process does next


def _index(site: Path, lang: str) -> tuple[dict, list[list], list[dict]]:
    """A written index, read back: its manifest, chunks and shards."""
    folder = site / "search"
    manifest = json.loads((folder / f"{lang}.json").read_text(encoding="utf-8"))
    chunks = [json.loads((folder / lang / f"c{n}.json").read_text(encoding="utf-8")) for n in range(len(manifest["chunks"]))]
    shards = [json.loads((folder / lang / f"t{n}.json").read_text(encoding="utf-8")) for n in range(manifest["shards"])]
    return manifest, chunks, shards


def _built(tmp_path: Path, lang: str, sections: list[Section]) -> tuple[dict, list[list], list[dict]]:
    _write(tmp_path, {lang: sections})
    return _index(tmp_path, lang)


def test_chinese_words_hold_the_words_inside_longer_words(tmp_path):
    words = _built(tmp_path, "zh", ZH)[0]["words"]
    assert {"党风廉政", "廉政", "网约车", "非法"} <= set(words)
    assert words == sorted(words)
    # Single characters, numbers and Latin letters are matched as written, not as words.
    assert [w for w in words if len(w) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in w)] == []


def _decoded(shards: list[dict]) -> dict[str, dict[int, tuple[int, int]]]:
    """Every key's counts: section → (in its title, in its text)."""
    counts = {}
    for shard in shards:
        for key, flat in shard.items():
            section, counts[key] = 0, {}
            for i in range(0, len(flat), 3):
                section += flat[i]
                counts[key][section] = (flat[i + 1], flat[i + 2])
    return counts


def test_the_index_of_a_language_keeps_its_pages_sections_and_words(tmp_path):
    manifest, chunks, _ = _built(tmp_path, "zh", ZH + [Section("notice/", "通知", "网约车")])
    assert manifest["lang"] == "zh"
    assert manifest["pages"] == [["areas/clean/", "清廉交通", 0], ["notice/", "通知", 2]]
    assert [entry for chunk in chunks for entry in chunk][1] == ["areas/clean/#car", "网约车", "开展网约车非法营运专项整治行动。"]
    assert manifest["lengths"] == [len(s.title) + len(s.text) for s in ZH] + [5]
    assert len(manifest["words"]) == len(manifest["pinyin"])
    assert manifest["pinyin"][manifest["words"].index("网约车")] == "wang yue che"
    # Traditional characters a reader may type, as the text's simplified ones.
    assert manifest["simplified"]["網"] == "网" and set(manifest["simplified"].values()) <= set("".join(
        f"{s.title}{s.text}" for s in ZH) + "通知网约车")


def test_every_term_is_counted_per_section_in_the_shard_its_key_hashes_to(tmp_path):
    manifest, _, shards = _built(tmp_path, "zh", ZH)
    assert len(shards) == manifest["shards"]
    for n, shard in enumerate(shards):
        assert all(terms.shard(key, len(shards)) == n for key in shard)
    counts = _decoded(shards)
    assert counts["网约"] == {1: (1, 1)}  # in the title and the text of the second section
    assert counts["#12328"] == {0: (0, 1)} and counts["#57"] == {0: (0, 1)}
    assert counts["app"] == {0: (0, 1)}  # Latin words folded, by their stem
    assert "。" not in counts and "签" not in counts  # a character alone only at the end of a run
    assert counts["动"] == {1: (0, 1)} and counts["交通"] == {0: (1, 0)}


def test_sections_are_chunked_in_order_and_pages_keep_their_first_section(tmp_path):
    many = [Section(f"p{n // 3}/" + (f"#s{n}" if n % 3 else ""), f"第{n}节", "整改" * 800) for n in range(9)]
    manifest, chunks, _ = _built(tmp_path, "zh", many)
    assert [entry[0] for chunk in chunks for entry in chunk] == [s.location for s in many]
    assert [first for first, _ in manifest["chunks"]] == [0, 1, 2, 3, 4, 5, 6, 7, 8]  # 5 kB each: one a chunk
    assert [first for _, _, first in manifest["pages"]] == [0, 3, 6]
    assert all(size <= search.CHUNK_BYTES for _, size in manifest["chunks"])


def test_english_text_has_no_chinese_words(tmp_path):
    manifest = _built(tmp_path, "en", EN)[0]
    assert manifest["words"] == manifest["pinyin"] == []
    assert manifest["simplified"] == {}


def test_indexes_are_written_per_language(tmp_path):
    (tmp_path / "search" / "zh").mkdir(parents=True)
    (tmp_path / "search" / "zh" / "c99.json").write_text("[]", encoding="utf-8")  # of an earlier build
    _write(tmp_path, {"zh": ZH, "en": EN}, cache=tmp_path / "cache" / "words.json")
    written = sorted(p.relative_to(tmp_path / "search").as_posix() for p in (tmp_path / "search").rglob("*.json"))
    assert written == ["en.json", "en/c0.json", "en/t0.json", "search_index.json", "zh.json", "zh/c0.json", "zh/t0.json"]
    zh = json.loads((tmp_path / "search" / "zh.json").read_text(encoding="utf-8"))
    en = json.loads((tmp_path / "search" / "en.json").read_text(encoding="utf-8"))
    assert [location for location, _, _ in zh["pages"]] == ["areas/clean/"]
    assert [location for location, _, _ in en["pages"]] == ["en/areas/clean/"]
    # Material's bundle still fetches search_index.json: it holds no documents now.
    stub = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and stub["config"]["separator"] == search.HIGHLIGHT_SEPARATOR
    # What was cut and read is kept for the next build, and gives the same index.
    _write(tmp_path, {"zh": ZH, "en": EN}, cache=tmp_path / "cache" / "words.json")
    assert json.loads((tmp_path / "search" / "zh.json").read_text(encoding="utf-8")) == zh
    assert "网约车" in json.loads((tmp_path / "cache" / "words.json").read_text(encoding="utf-8"))["readings"]


def test_indexes_need_the_worker_in_the_site(tmp_path):
    segmenter = Segmenter()
    with pytest.raises(SearchError, match="worker.js is missing"):
        write_indexes(tmp_path, {"zh": IndexBuilder("zh", tmp_path / "search", segmenter)}, segmenter)


def _page(worker_url: str, bundle: str = MATERIAL_BUNDLE) -> str:
    config = f'{{"base": "../..", "search": "{worker_url}", "tags": null}}'
    return f'<script id="__config" type="application/json">{config}</script><script src="../../{bundle}"></script>'


def test_pages_are_pointed_at_our_worker_for_their_language():
    html = use_our_worker(_page(f"../../{MATERIAL_WORKER}"), "en")
    assert f'"search": "../../{WORKER}?lang=en"' in html
    assert MATERIAL_WORKER not in html
    assert f'"search": "{WORKER}?lang=zh"' in use_our_worker(_page(MATERIAL_WORKER), "zh")


@pytest.mark.parametrize("html", [
    _page("../../assets/javascripts/workers/search.0123abcd.min.js"),  # another Material
    _page(f"../../{MATERIAL_WORKER}", bundle="assets/javascripts/bundle.0123abcd.min.js"),
    _page(f"../../{MATERIAL_WORKER}") + _page(f"../../{MATERIAL_WORKER}"),
])
def test_a_page_that_is_not_what_the_worker_was_checked_against_stops_the_build(html):
    with pytest.raises(SearchError) as error:
        use_our_worker(html, "zh")
    assert "Material has changed" in error.value.format("en")
    assert "Material 已经变了" in error.value.format("zh")


def test_a_long_section_is_indexed_in_parts_cut_after_punctuation(tmp_path):
    sentence = "整改落实情况公开，" * 50  # 450 characters, 1,350 bytes; cut after a comma
    long = Section("areas/x/#list", "清单", sentence * 20)
    manifest, chunks, shards = _built(tmp_path, "zh", [Section("areas/x/", "页面", ""), long])
    parts = [entry for chunk in chunks for entry in chunk][1:]
    assert len(parts) > 1 and all(len(text.encode("utf-8")) <= search.CHUNK_BYTES for _, _, text, *_ in parts)
    assert "".join(text for _, _, text, *_ in parts) == long.text
    assert all(text.endswith("，") for _, _, text, *_ in parts)
    assert [continued for *_, continued in parts[1:]] == [1] * (len(parts) - 1) and len(parts[0]) == 3
    # Its title is counted once, its text in every part.
    counts = _decoded(shards)
    assert [n for n, (in_title, _) in counts["清单"].items() if in_title] == [1]
    assert sorted(counts["整改"]) == list(range(1, len(parts) + 1))
    assert manifest["lengths"][2] == len(parts[1][2])  # a part after the first: its text only


def test_the_manifest_names_the_version_of_its_parts(tmp_path):
    def version(sections):
        return _built(tmp_path, "zh", sections)[0]["version"]

    first, again = version(ZH), version(ZH)
    edited = version(ZH[:1] + [Section("areas/clean/#car", "网约车", "开展网约车专项整治行动。")])
    assert first == again
    assert edited != first


def test_the_worker_is_sent_without_its_comments():
    script = ('/* The worker.\n * Two lines. */\n"use strict"\n\nconst a = "/* a string */" // a comment\n'
              'const r = /\\d+*/g /* after a regular expression */\n  const t = `//${x}`, d = a / 2 / b\n'
              'if (/[/*]x/.test(s)) return /a\\/b/\nlet/* between */x\n')
    assert without_comments(script) == ('"use strict"\nconst a = "/* a string */"\nconst r = /\\d+*/g\n'
                                        'const t = `//${x}`, d = a / 2 / b\nif (/[/*]x/.test(s)) return /a\\/b/\n'
                                        'let x\n')
    assert without_comments(without_comments(script)) == without_comments(script)
