"""Translations: the PO reader and writer, `make translations`, and what `check` says about
translations, each pinned to the exact file:line:col and message a translator sees."""
from __future__ import annotations

import pytest

from generator import po, ui
from generator.catalog import check_all, check_catalog
from generator.content_translation import version
from generator.render.content import with_english_anchors
from generator.render.markdown import untranslated
from generator.translate import refresh_all, status
from generator.translation_rules import Terms, content_findings, numbers, typography_findings

from .conftest import TODAY, make_catalog

PO = "translations/zh/projects/example-channels.po"


def line_of(path, text: str) -> int:
    return path.read_text(encoding="utf-8").split("\n").index(text) + 1


def replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ---------------------------------------------------------------- the PO format

def test_po_round_trip_keeps_every_part():
    catalogue = po.Catalogue([po.Entry('Say "hi"\nthere', "说“嗨”", "a.b", ("fuzzy",), "Say hi",
                                       ("a note",), ("catalog/x.yaml:3",)),
                              po.Entry("gone", "走了", "c", obsolete=True)],
                             {"Language": "zh", "Content-Type": "text/plain; charset=UTF-8"})
    text = po.dump(catalogue)
    again = po.parse(text)
    assert po.dump(again) == text
    first = again.entries[0]
    assert (first.msgid, first.msgstr, first.msgctxt, first.fuzzy, first.previous) == \
        ('Say "hi"\nthere', "说“嗨”", "a.b", True, "Say hi")
    assert again.entries[1].obsolete and again.header["Language"] == "zh"
    assert text.split("\n")[first.line - 1].startswith("msgstr ")


@pytest.mark.parametrize("text, line, col, message", [
    ('msgid "a"\nmsgstr "b', 2, 8, "expected a string in double quotes"),
    ('msgid "a"\nmsgstr "\\q"', 2, 9, "unknown escape '\\q'"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"', 2, 1, "plural forms are not used by the catalogue"),
    ('msgstr "b"', 1, 1, "msgstr without a msgid before it"),
    ('msgid "a"\nbogus "b"', 2, 1, "unexpected 'bogus'; expected msgctxt, msgid, msgstr or a comment"),
])
def test_po_syntax_errors_are_located(text, line, col, message):
    with pytest.raises(po.PoSyntaxError) as caught:
        po.parse(text)
    assert (caught.value.line, caught.value.col, caught.value.message) == (line, col, message)


# ---------------------------------------------------------------- make translations

def test_refresh_adds_marks_fuzzy_and_retires(tmp_path):
    catalog = make_catalog(tmp_path)
    entry, path = catalog / "projects/example-channels.yaml", catalog / PO
    replace(entry, "event: Mainnet launch.", "event: Mainnet opened.")
    replace(entry, "  - {date: 2020-06, event: Specification published., sources: [spec]}\n", "")
    refresh_all(catalog)
    entries = {e.msgctxt: e for e in po.parse(path.read_text(encoding="utf-8")).entries if not e.obsolete}
    opened = entries["milestones[0].event"]
    assert (opened.msgid, opened.msgstr, opened.fuzzy, opened.previous) == \
        ("Mainnet opened.", "Mainnet launch.", True, "Mainnet launch.")
    retired = [e for e in po.parse(path.read_text(encoding="utf-8")).entries if e.obsolete]
    assert sorted(e.msgid for e in retired) == ["Mainnet launch.", "Specification published."]
    assert status(catalog)[-1][0].endswith("other-system.po")
    assert [row[1:] for row in status(catalog) if row[0].endswith("example-channels.po")] == [(len(entries) - 1, 1, 0)]


def test_refresh_removes_the_translation_of_a_deleted_entry(tmp_path):
    catalog = make_catalog(tmp_path)
    (catalog / "projects/other-system.yaml").unlink()
    (catalog / "projects/example-channels.yaml").write_text(
        (catalog / "projects/example-channels.yaml").read_text().replace("related: [other-system]", "related: []"))
    assert any("other-system.po (removed" in line for line in refresh_all(catalog))
    assert not (catalog / "translations/zh/projects/other-system.po").exists()


# ---------------------------------------------------------------- what check says

def test_changed_english_gives_a_located_stale_warning(tmp_path):
    catalog = make_catalog(tmp_path)
    entry = catalog / "projects/example-channels.yaml"
    replace(entry, "summary: An example payment-channel network used by the checker's tests.",
            "summary: An example payment-channel network that the tests use.")
    result = check_catalog(catalog, TODAY)
    [problem] = [p for p in result.problems if p.rule == "translation-stale"]
    po_line = line_of(catalog / PO, 'msgstr "An example payment-channel network used by the checker\'s tests."')
    assert problem.format() == (
        f"{entry.as_posix()}:5:10: warning [translation-stale] summary: changed since its zh translation "
        f"was made ({(catalog / PO).as_posix()}:{po_line}); the site shows the English until the "
        "translation is updated and its fuzzy flag removed")
    assert result.errors == 0
    assert result.translated["zh"].systems[0].summary == "An example payment-channel network that the tests use."
    assert type(result.translated["zh"].systems[0].summary).__name__ == "Untranslated"


def test_changed_number_in_a_translation_is_a_located_error(tmp_path):
    catalog = make_catalog(tmp_path)
    replace(catalog / PO, 'msgstr "about 100"', 'msgstr "约 1000"')
    result = check_catalog(catalog, TODAY)
    line = line_of(catalog / PO, 'msgstr "约 1000"')
    [problem] = [p for p in result.problems if p.severity.value == "error"]
    assert problem.format() == (f"{(catalog / PO).as_posix()}:{line}:9: error [translation-numbers] "
                                "figures[0].value: numbers differ from the English: missing 100; "
                                "has 1000 that the English does not")
    assert result.catalog is None


def test_ascii_punctuation_in_chinese_is_located_at_its_column(tmp_path):
    catalog = make_catalog(tmp_path)
    replace(catalog / PO, 'msgstr "Mainnet launch."', 'msgstr "主网上线."')
    [problem] = check_catalog(catalog, TODAY).problems
    line = line_of(catalog / PO, 'msgstr "主网上线."')
    assert (problem.line, problem.col, problem.rule, problem.message) == (
        line, 13, "translation-typography", "use the full-width '。' instead of '.' in Chinese prose")


def test_glossary_term_list_holds_every_translation(tmp_path):
    catalog = make_catalog(tmp_path)
    replace(catalog / PO, 'msgstr "Each party can close the channel alone."', 'msgstr "每一方都可以独自关闭它。"')
    [problem] = check_catalog(catalog, TODAY).problems
    assert problem.format().endswith("warning [translation-term] custody[0].detail: 'channel' is translated "
                                     "as '通道' everywhere (glossary)")


def test_missing_translation_is_reported_at_the_english_field(tmp_path):
    catalog = make_catalog(tmp_path, translated=False)
    problems = [p for p in check_catalog(catalog, TODAY).problems if p.file.endswith("example-channels.yaml")]
    assert problems[0].format() == (
        f"{(catalog / 'projects/example-channels.yaml').as_posix()}:2:7: warning [translation-missing] name: "
        f"has no zh translation yet ({(catalog / PO).as_posix()}; `make translations` adds an empty entry "
        "to fill in)")
    assert all(p.rule == "translation-missing" for p in problems)


def test_the_real_catalogue_is_completely_translated():
    from .conftest import CATALOG
    result = check_all(CATALOG, TODAY)
    assert result.errors == 0
    assert [p.format() for p in result.problems if p.rule in ("translation-missing", "translation-stale")] == []
    assert sum(r[2] + r[3] for r in status(CATALOG)) == 0


# ---------------------------------------------------------------- the rules themselves

@pytest.mark.parametrize("english, chinese", [
    ("In May 2026, about 10 billion.", "2026 年 5 月，约 100 亿。"),
    ("May anyone join?", "任何人都可以加入吗？"),
    ("From January to March 2026.", "2026 年 1 月至 3 月。"),
    ("A fee of 1,000 sats.", "1000 聪的费用。"),
])
def test_numbers_agree_across_wording(english, chinese):
    assert numbers(english) == numbers(chinese)


def test_glossary_terms_carry_no_digits_or_tickers():
    terms = Terms([(("layer 2", "L2"), "二层网络"), (("HSM", "HSMs"), "硬件安全模块")])
    assert content_findings("A layer 2 keeps keys in HSMs.", "二层网络把密钥放在硬件安全模块中。", terms) == []
    assert content_findings("BitVM2 pays in BTC.", "用比特币支付。", terms) == [
        ("translation-numbers", "numbers differ from the English: missing 2", 0),
        ("translation-numbers", "keep BTC, BitVM2 as written in the English", 0)]


def test_typography_rule_ignores_ascii_inside_latin_text():
    assert typography_findings("Liquid（L-BTC, 2.5 个）运行。v1.0 版。") == []
    assert [f[2] for f in typography_findings("甲,乙 丙(丁)")] == [1, 5, 7, 3]   # 0-based: , ( ) then the space


# ---------------------------------------------------------------- pages

def test_translated_page_headings_get_the_english_anchors():
    english = "# The trilemma\n\n## Why a layer 2 keeps at most two\n\n## Sources { #sources-policy }\n"
    chinese = "# 不可能三角\n\n## 为什么二层网络最多只能保有两个\n\n## 来源 { #sources-policy }\n"
    assert with_english_anchors(chinese, english) == (
        "# 不可能三角 { #the-trilemma }\n\n## 为什么二层网络最多只能保有两个 { #why-a-layer-2-keeps-at-most-two }\n\n"
        "## 来源 { #sources-policy }\n")


def test_untranslated_text_is_marked_as_english():
    with ui.language("zh"):
        assert untranslated("Fees are <paid> in BTC") == (
            '<span lang="en" class="untranslated">Fees are &#60;paid&#62; in BTC</span>'
            ' <small class="untranslated-note">(尚未翻译)</small>')


def test_stale_and_broken_pages_are_located(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    english = "# Title\n\nIt has 15 members.\n"
    (content / "page.md").write_text(english)
    (content / "page.zh.md").write_text(f"---\ntranslates: {version(english.encode())}\n---\n# 标题\n\n它有 16 个成员.\n")
    make_catalog(tmp_path)
    result = check_all(tmp_path / "catalog", TODAY)
    page = [p for p in result.problems if p.file.endswith("page.zh.md")]
    assert [(p.line, p.col, p.rule) for p in page] == [(6, 1, "translation-numbers"), (6, 10, "translation-typography")]
    (content / "page.md").write_text(english.replace("15", "17"))
    [stale] = [p for p in check_all(tmp_path / "catalog", TODAY).problems if p.file.endswith("page.zh.md")]
    assert (stale.line, stale.rule) == (2, "translation-stale")
    assert f"which is now {version(english.replace('15', '17').encode())}" in stale.message


@pytest.mark.parametrize("chinese, rule", [
    ("主网\u202e上线。", "invisible-char"),
    ("主网<script>alert(1)</script>上线。", "raw-html"),
    ("主网&#60;上线。", "raw-html"),
])
def test_hostile_translations_are_refused_where_they_are(tmp_path, chinese, rule):
    catalog = make_catalog(tmp_path)
    replace(catalog / PO, 'msgstr "Mainnet launch."', f'msgstr "{chinese}"')
    result = check_catalog(catalog, TODAY)
    [problem] = [p for p in result.problems if p.rule == rule]
    assert (problem.file, problem.severity.value, problem.field) == ((catalog / PO).as_posix(), "error",
                                                                     "milestones[1].event")
    assert problem.line == line_of(catalog / PO, f'msgstr "{chinese}"') and result.catalog is None


def test_unreadable_translation_files_are_located(tmp_path):
    catalog = make_catalog(tmp_path)
    (catalog / PO).write_bytes((catalog / PO).read_bytes().replace("主".encode(), b"\xff") + b'msgstr "\xff"\n')
    [problem] = [p for p in check_catalog(catalog, TODAY).problems if p.severity.value == "error"]
    assert (problem.rule, problem.line, problem.message.split(" (")[0]) == ("po-syntax", 1, "is not UTF-8")
    (catalog / PO).unlink()
    (catalog / PO).symlink_to(catalog / "translations/zh/projects/other-system.po")
    [problem] = [p for p in check_catalog(catalog, TODAY).problems if p.severity.value == "error"]
    assert (problem.rule, problem.message) == ("file-type", "is a symbolic link; commit the file itself")


def test_the_site_builds_the_languages_the_gate_checks():
    from generator.load import load_file
    from generator.translations import LANGUAGES, SOURCE_LANGUAGE
    from .conftest import ROOT
    config = load_file(ROOT / "mkdocs.yml", "mkdocs.yml")[0].data
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    assert [language["locale"] for language in i18n["languages"]] == [SOURCE_LANGUAGE, *LANGUAGES]
    assert i18n["languages"][0]["default"] is True and i18n["docs_structure"] == "suffix"


def test_refresh_of_one_file_touches_no_other(tmp_path):
    catalog = make_catalog(tmp_path)
    other = catalog / "translations/zh/projects/other-system.po"
    before = other.read_bytes()
    replace(catalog / "projects/other-system.yaml", "event: Mainnet launch.", "event: Mainnet opened.")
    replace(catalog / "projects/example-channels.yaml", "event: Mainnet launch.", "event: Mainnet opened.")
    assert refresh_all(catalog, [catalog / "projects/example-channels.yaml"]) == [(catalog / PO).as_posix()]
    assert other.read_bytes() == before
