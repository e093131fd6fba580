"""Unit tests of the originality checker (tests/originality_check.py) on small seed articles of our own.

The real course is checked by tests/test_originality.py; these tests show that each rule catches what it
must (a copied sentence, a synonym swap, a close paraphrase of a translation) and lets an original
re-telling of the same facts through, in both modes (real seeds and the hashed index).
"""

import json
import time

import nbformat
import pytest

import originality_check as oc

SEED_A = """Moderators of a busy forum should welcome every newcomer personally within the first day of joining.
Forum hosts answer angry customers quickly and calmly, which restores trust in the company.
On average, a delighted shopper tells 12 friends, while an annoyed shopper warns 20 friends.
Measure the return on investment before you expand the ambassador programme.
Short line here.
Aspiring forum hosts need clear written guidelines.
Homework exercise one: Describe three habits that keep a busy forum friendly.
"""
SEED_B = """English translation of b.txt, for reference: the facts are the source's; do not copy its sentences.
Think of the community as a garden that the gardener must water patiently every single morning.
"""

COPIED = "Moderators of a busy forum should welcome every newcomer personally."
SYNONYM_SWAP = "Forum hosts reply to angry customers fast and calmly, and that restores trust in the firm."
TRANSLATED_STYLE = "Imagine the community like a garden, which the gardener has to water, patiently, each single morning."
ORIGINAL = "For every 12 happy buyers who recommend a shop, 20 unhappy ones talk it down (figure from the guide)."
NONE = oc.allowlist_from([])


@pytest.fixture
def seeds_dir(tmp_path):
    d = tmp_path / "seeds"
    (d / "translations").mkdir(parents=True)
    (d / "a.txt").write_text(SEED_A, encoding="utf-8")
    (d / "b.txt").write_text("Un testo in un'altra lingua.\n", encoding="utf-8")
    (d / "translations" / "b.en.txt").write_text(SEED_B, encoding="utf-8")
    return d


@pytest.fixture
def seeds(seeds_dir):
    return oc.load_seed_texts(seeds_dir, NONE)


@pytest.fixture
def hashed(seeds_dir, tmp_path):
    path = tmp_path / "index.json"
    path.write_text(json.dumps(oc.build_index(seeds_dir, NONE)), encoding="utf-8")
    return oc.load_index(path, NONE)


def rules(findings):
    return [f.rule.split(":")[0] for f in findings]


@pytest.mark.parametrize("mode", ["seeds", "hashed"])
def test_copied_sentence_is_caught_by_its_6_gram(mode, request):
    s = request.getfixturevalue(mode)
    [finding] = oc.check_text(COPIED, seeds=s)
    assert finding.rule == "shares a 6-word sequence"
    assert finding.detail == '"moderators of a busy forum should"'
    assert (finding.seed.file, finding.seed.number) == ("a.txt", 1)


@pytest.mark.parametrize("mode", ["seeds", "hashed"])
def test_synonym_swap_is_caught_by_the_60_percent_rule(mode, request):
    s = request.getfixturevalue(mode)
    [finding] = oc.check_text(SYNONYM_SWAP, seeds=s)
    assert finding.rule.startswith("covers 70%")
    assert finding.detail.startswith("7 of 10 shared")
    assert (finding.seed.file, finding.seed.number) == ("a.txt", 2)


@pytest.mark.parametrize("mode", ["seeds", "hashed"])
def test_close_paraphrase_of_a_translation_is_caught(mode, request):
    s = request.getfixturevalue(mode)
    [finding] = oc.check_text(TRANSLATED_STYLE, seeds=s)
    assert finding.rule.startswith("covers")
    # the translator's note is not a seed sentence: the garden is sentence 1 of the translation
    assert (finding.seed.file, finding.seed.number) == ("translations/b.en.txt", 1)


@pytest.mark.parametrize("mode", ["seeds", "hashed"])
def test_an_original_sentence_on_the_same_facts_passes(mode, request):
    s = request.getfixturevalue(mode)
    assert oc.check_text(ORIGINAL, seeds=s) == []
    assert oc.check_text("Short line here, we said.", seeds=s) == []  # seed below six content words


def test_threshold_is_sixty_percent(seeds):
    # 6 of the 10 content words of seed sentence 2, no 6-gram: caught; 5 of 10: passes
    caught = "Forum hosts answer angry customers, with calm and patience."
    spared = "Forum hosts answer angry people, with calm and patience."
    assert rules(oc.check_text(caught, seeds=seeds)) == ["covers 60% of a seed sentence's content words"]
    assert oc.check_text(spared, seeds=seeds) == []


def test_a_seed_sentence_after_its_label_counts_on_its_own(seeds):
    # 5 of the 9 content words of the whole seed line (55%), but 5 of the 7 after "Homework exercise one:"
    [finding] = oc.check_text("Three habits keep a forum friendly, whatever its size.", seeds=seeds)
    assert finding.rule == "covers 71% of a seed sentence's content words"
    assert finding.seed.number == 7 and finding.seed.text.startswith("Homework exercise one:")


def test_advisory_rule_lists_a_one_word_swap_in_a_6_gram(seeds, hashed, seeds_dir, tmp_path, monkeypatch, capsys):
    ours = "Moderators of a busy group should welcome each newcomer."
    assert oc.check_text(ours, seeds=seeds) == []
    [finding] = oc.check_text(ours, seeds=seeds, near=True)
    assert finding.rule.startswith("advisory") and finding.detail == '"moderators of a busy group should"'
    assert oc.check_text(ours, seeds=hashed, near=True) == []  # the index cannot tell
    # standard terms do not make a near copy: "forum hosts" fills most of this run
    allowed = oc.load_seed_texts(seeds_dir, oc.allowlist_from([], content_words=["forum hosts", "angry customers"]))
    assert oc.check_text("Forum hosts greet angry customers quickly and warmly.", seeds=allowed, near=True) == []
    # advisory findings are listed but do not fail the command
    monkeypatch.setattr(oc, "default_seeds", lambda: seeds)
    monkeypatch.setattr(oc, "find_seeds_dir", lambda: None)
    page = tmp_path / "page.md"
    page.write_text(ours + "\n")
    assert oc.main(["--near", str(page)]) == 0
    assert "0 finding(s) and 1 advisory" in capsys.readouterr().out


def test_markup_and_code_are_stripped_before_matching(seeds):
    md = "**Moderators** of a _busy_ [forum](https://example.org) should welcome <b>every</b> newcomer."
    assert rules(oc.check_text(md, seeds=seeds)) == ["shares a 6-word sequence"]
    fenced = "Intro text.\n\n```python\nModerators of a busy forum should welcome\n```\n"
    assert oc.check_text(fenced, seeds=seeds) == []
    inline = "Run `Moderators of a busy forum should` now."
    assert oc.check_text(inline, seeds=seeds) == []
    blocks = "<p>Moderators of a busy</p><p>forum should welcome every newcomer</p>"
    assert oc.check_text(blocks, seeds=seeds) == []  # a block tag ends a sentence
    assert oc.check_text(blocks.replace("</p><p>", " "), seeds=seeds) != []


def test_allowed_phrase_is_removed_before_matching(seeds, seeds_dir):
    ours = "Always measure the return on investment before you decide."
    assert rules(oc.check_text(ours, seeds=seeds)) == ["shares a 6-word sequence"]
    allowed = oc.load_seed_texts(seeds_dir, oc.allowlist_from(["return on investment"]))
    assert oc.check_text(ours, seeds=allowed) == []


def test_content_words_only_entry_keeps_the_6_gram_rule(seeds, seeds_dir):
    allowed = oc.load_seed_texts(seeds_dir, oc.allowlist_from([], content_words=["forum hosts"]))
    ours = "Forum hosts need guidelines that are clear."
    assert rules(oc.check_text(ours, seeds=seeds)) == ["covers 71% of a seed sentence's content words"]
    # cut from both sides, the seed sentence keeps five content words: too few to be echoed
    assert oc.check_text(ours, seeds=allowed) == []
    # the rest of a sentence is still weighed: the synonym swap keeps 5 of the other 8
    assert rules(oc.check_text(SYNONYM_SWAP, seeds=allowed)) == ["covers 62% of a seed sentence's content words"]
    # and a copied run through the term is still caught
    copied = "Forum hosts answer angry customers quickly, as a rule."
    assert rules(oc.check_text(copied, seeds=allowed)) == ["shares a 6-word sequence"]


def test_index_built_with_another_allowlist_is_refused(seeds_dir, tmp_path):
    path = tmp_path / "index.json"
    path.write_text(json.dumps(oc.build_index(seeds_dir, NONE)), encoding="utf-8")
    with pytest.raises(SystemExit, match="another allowlist.*--rebuild-index"):
        oc.load_index(path, oc.allowlist_from(["forum hosts"]))


def test_committed_allowlist_loads_and_is_short():
    allowed = oc.load_allowlist()
    assert ("user", "generated", "content") in allowed.both
    assert ("community", "management") in allowed.content_words
    assert len(allowed.both) + len(allowed.content_words) <= 25


@pytest.mark.parametrize("entry, error", [
    ("- phrase: brand voice\n", "needs both a 'phrase' and a 'reason'"),
    ("- phrase: brand voice\n  reason: x\n  applies_to: sometimes\n", "applies_to must be one of"),
    ("- phrase: '!!'\n  reason: x\n", "has no words"),
])
def test_bad_allowlist_entry_is_named(tmp_path, entry, error):
    path = tmp_path / "allow.yaml"
    path.write_text("phrases:\n" + entry, encoding="utf-8")
    with pytest.raises(SystemExit, match=error) as exc:
        oc.load_allowlist(path)
    assert "entry 1" in str(exc.value)


def test_findings_name_notebook_cell_and_both_sentences(seeds, tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("x = 'Moderators of a busy forum should welcome every newcomer'"),
        nbformat.v4.new_markdown_cell("An opening cell of our own."),
        nbformat.v4.new_markdown_cell("## Newcomers\n\nSay hello. " + COPIED),
    ]
    path = tmp_path / "lesson.ipynb"
    nbformat.write(nb, path)
    [finding] = oc.check_file(path, seeds=seeds, root=tmp_path)
    assert (finding.file, finding.where) == ("lesson.ipynb", "cell 2")
    assert finding.label.startswith("Newcomers Say hello.")
    text = finding.format()
    assert 'lesson.ipynb, cell 2 ("Newcomers Say hello.' in text
    assert f'ours: "{COPIED}"' in text
    assert 'seed: a.txt, sentence 1: "Moderators of a busy forum should welcome every newcomer personally' in text


def test_hashed_findings_name_the_seed_by_file_and_number(hashed):
    [finding] = oc.check_text(COPIED, file="README.md", seeds=hashed)
    text = finding.format()
    assert "README.md, line 1" in text
    assert "a.txt, sentence 1 (text not stored; seeds absent)" in text
    assert "Moderators" not in text.split("seed:")[1]


def test_python_strings_are_joined_and_located(seeds, tmp_path):
    path = tmp_path / "hints.py"
    path.write_text(
        '"""Hints for the forum lesson."""\n\n'
        "# Forum hosts answer angry customers quickly and calmly (a comment: not learner-facing)\n"
        "HINT = (\n"
        '    "Forum hosts answer angry customers "\n'
        '    "quickly, and never lose their temper."\n'
        ")\n"
        'TIP = f"Moderators of a busy {place} should welcome every newcomer."\n',
        encoding="utf-8",
    )
    [finding] = oc.check_file(path, seeds=seeds, root=tmp_path)
    assert (finding.file, finding.where) == ("hints.py", "line 5")
    assert finding.detail == '"forum hosts answer angry customers quickly"'


def test_yaml_string_values_are_checked_with_their_key(seeds, tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text("title: Forum day\nposts:\n  - author: Ana\n    text: " + COPIED + "\n", encoding="utf-8")
    [finding] = oc.check_file(path, seeds=seeds, root=tmp_path)
    assert finding.where == "posts.0.text (line 4)"


def test_unreadable_inputs_are_named(tmp_path):
    bad = tmp_path / "broken.py"
    bad.write_text("x = (\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"broken.py:\d+: cannot be parsed"):
        oc.chunks_for(bad, tmp_path)
    for name, text in (("broken.ipynb", "{"), ("broken.yaml", "a: [")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        with pytest.raises(SystemExit, match=f"{name}: cannot be parsed"):
            oc.chunks_for(tmp_path / name, tmp_path)
    with pytest.raises(SystemExit, match="missing.md: no such file"):
        oc.chunks_for(tmp_path / "missing.md", tmp_path)


def test_index_is_checked_against_the_seeds(seeds_dir, tmp_path):
    path = tmp_path / "index.json"
    path.write_text(json.dumps(oc.build_index(seeds_dir)), encoding="utf-8")
    assert oc.index_problem(seeds_dir, path) is None
    assert oc.load_index(path).grams
    (seeds_dir / "a.txt").write_text(SEED_A + "A brand new sentence about moderators and their forums.\n")
    problem = oc.index_problem(seeds_dir, path)
    assert "out of date" in problem and "--rebuild-index" in problem


def test_index_holds_no_seed_text(seeds_dir):
    dumped = json.dumps(oc.build_index(seeds_dir)).lower()
    for word in ("moderators", "gardener", "angry", "patiently"):
        assert word not in dumped


def test_committed_index_matches_the_seeds():
    seeds_dir = oc.find_seeds_dir()
    if seeds_dir is None:
        pytest.skip("seeds not present (clean clone): the committed index is used as it is")
    assert oc.index_problem(seeds_dir) is None


def test_seeds_are_found_through_the_environment(seeds_dir, monkeypatch):
    monkeypatch.setenv("CMW_SEEDS", str(seeds_dir))
    assert oc.find_seeds_dir() == seeds_dir


def test_command_reports_and_fails_on_a_finding(seeds_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CMW_SEEDS", str(seeds_dir))
    index = tmp_path / "index.json"
    monkeypatch.setattr(oc, "INDEX_PATH", index)
    monkeypatch.setattr(oc, "load_allowlist", lambda path=None: NONE)
    monkeypatch.setattr(oc, "default_seeds", lambda: oc.load_seed_texts(seeds_dir, NONE))
    index.write_text(oc.dump_index(oc.build_index(seeds_dir, NONE)))
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text(ORIGINAL + "\n")
    bad.write_text("# Title\n\n" + COPIED + "\n")
    assert oc.main([str(good)]) == 0
    assert oc.main([str(bad)]) == 1
    out = capsys.readouterr().out
    assert "bad.md, line 3: shares a 6-word sequence" in out and "1 finding(s) in 1 file(s)" in out


def test_whole_course_is_checked_fast():
    start = time.perf_counter()
    files = oc.course_files()
    for f in files:
        oc.check_file(f)
    assert time.perf_counter() - start < 10
    kinds = {f.suffix for f in files}
    assert {".ipynb", ".py", ".yaml", ".md"} <= kinds
    assert oc.REPO.joinpath("README.md").relative_to(oc.REPO) in files
