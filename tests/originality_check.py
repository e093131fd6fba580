"""Originality check: every learner-facing sentence must be our own, not a seed article's.

Usage (from the repository root)::

    .venv/bin/python tests/originality_check.py                 # the whole course
    .venv/bin/python tests/originality_check.py module1_intro/1.1-what-is-community-management.ipynb README.md
    .venv/bin/python tests/originality_check.py --rebuild-index # after the seeds changed

The learner-facing text is: the markdown cells of every ``module*/*.ipynb``; the string literals and
docstrings of learner-facing Python (exercises, crisis lab, quizzes, check messages, generated posts);
every string value of the YAML/JSON text banks under ``course/`` and of the final assessment's bank
(``autograder/final/``); ``docs/*.md``, ``README.md`` and ``autograder/final/README.md``.

Two rules, both over lower-cased words with markdown, HTML and code stripped:

(a) no word 6-gram (within one sentence) may be shared with a seed (``seeds/*.txt`` or
    ``seeds/translations/*.txt``);
(b) no sentence of ours may contain 60% or more of the content words (stop words removed, Snowball
    stemmed) of a seed sentence that has at least six content words.

Phrases in ``tests/originality/allowlist.yaml`` (proper names, standard terms) are cut out of our text
before matching, and from the seed sentences before their content words are counted: the words of an
allowed phrase never count as shared. A seed line "Label: sentence" also counts without its label.

The seeds are found through ``$CMW_SEEDS``, else ``<repo>/../shared/seeds``, else ``/work/shared/seeds``.
Without them (a clean clone in CI) the committed ``tests/originality/seed_index.json`` stands in: it holds
only hashes of the seeds' 6-grams and stemmed content words, with each seed sentence's file and number,
never their text. With the seeds present, the index must equal one built from them.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import importlib.metadata
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import snowballstemmer
import yaml

REPO = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "originality"
INDEX_PATH = HERE / "seed_index.json"
ALLOWLIST_PATH = HERE / "allowlist.yaml"
REBUILD_COMMAND = ".venv/bin/python tests/originality_check.py --rebuild-index"

NGRAM = 6
COVERAGE = 0.6
MIN_SEED_CONTENT_WORDS = 6
INDEX_VERSION = 1
NEAR_POSITIONS = (1, 2, 3, 4)  # advisory rule: a 6-word run equal to a seed's but for one inner word

# Learner-facing Python: the exercises, the crisis lab, quizzes, and the modules whose strings a learner
# reads (check messages, progress view, generated community posts, syllabus).
PYTHON_GLOBS = (
    "course/exercises/**/*.py",
    "course/crisis/**/*.py",
    "course/strategy/**/*.py",
    "course/social/**/*.py",
    "course/interaction/**/*.py",
    "course/analysis/**/*.py",
    "course/quiz*.py",
    "course/quiz*/**/*.py",
    "course/checks.py",
    "course/progress.py",
    "course/syllabus.py",
    "course/datasets/texts.py",
    "course/final.py",
)
# the text banks, the final assessment's instructor-side item bank included
BANK_GLOBS = ("course/**/*.yaml", "course/**/*.yml", "course/**/*.json", "autograder/final/*.yaml")
NOTEBOOK_GLOBS = ("module*/*.ipynb",)
DOC_GLOBS = ("README.md", "docs/*.md", "autograder/final/README.md")

# A hand-written English stop-word list: function words that carry no content.
STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
    down during each either etc even ever every few for from further had hadn't has hasn't have haven't
    having he he'd he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm
    i've if in into is isn't it it's its itself just let's like may me might more most much must mustn't my
    myself neither no nor not now of off often on once one only or other others otherwise ought our ours
    ourselves out over own per quite rather really same shall shan't she she'd she'll she's should
    shouldn't so some such than that that's the their theirs them themselves then there there's these they
    they'd they'll they're they've this those though through thus to too under until up upon us very via
    was wasn't we we'd we'll we're we've were weren't what what's whatever when when's where where's whether
    which while who who's whom whose why why's will with within without won't would wouldn't yet you you'd
    you'll you're you've your yours yourself yourselves e.g i.e vs
    """.split()
)

_stemmer = snowballstemmer.stemmer("english")

# ---------------------------------------------------------------------------------------------------
# Text normalisation and splitting
# ---------------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)\]*_]*\s+(?![a-z])|(?<=[。！？])")
_LIST_START = re.compile(r"^\s*(?:(?:[-*+•∙·]|\d+[.)]|#{1,6})\s+|>\s*|\|)")
_LABEL = re.compile(r"^((?:[^\W_]+[ ’'/&-]*){1,4}):\s+(?=\S)")
_FENCE = re.compile(r"^\s*(```|~~~)")


def strip_markup(text: str) -> str:
    """Remove code, HTML, URLs and markdown syntax, keeping the prose (line breaks kept)."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    # fenced code blocks go first, keeping their line breaks so that line numbers stay right
    text = re.sub(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", lambda m: "\n" * m.group(0).count("\n"),
                  text, flags=re.S | re.M)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    # block-level tags end a sentence (a paragraph mark, so that line numbers stay right)
    text = re.sub(r"<br\s*/?>|</?(p|div|li|ul|ol|tr|td|th|h\d|table|summary|details)\b[^>]*>", " \u2029 ", text,
                  flags=re.I)
    text = re.sub(r"<[^>\n]+>", " ", text)
    text = re.sub(r"&[a-z]+;|&#\d+;", " ", text)
    text = re.sub(r"`[^`\n]*`", " ", text)  # inline code
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)  # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links keep their words
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    return text


def _units(text: str) -> list[tuple[int, str]]:
    """Paragraphs and list items of markdown-ish text as (first line number, text), code blocks dropped.

    Hard-wrapped lines of one paragraph are joined; a list item, heading, quote or table row starts a
    new unit, and table cells are separate units.
    """
    units: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    in_fence = False

    def flush() -> None:
        if current:
            units.append((start, " ".join(current)))
            current.clear()

    for number, line in enumerate(text.split("\n"), 1):
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if not line.strip():
            flush()
            continue
        if _LIST_START.match(line):
            flush()
            if line.lstrip().startswith("|"):
                if re.fullmatch(r"[\s|:\-]+", line):
                    continue
                for cell in line.strip().strip("|").split("|"):
                    if cell.strip():
                        units.append((number, cell.strip()))
                continue
            line = _LIST_START.sub("", line, count=1)
        if not current:
            start = number
        current.append(line.strip())
    flush()
    return units


def sentences(text: str, markup: bool = True) -> list[tuple[int, str]]:
    """Split text into (line number within text, sentence) pairs."""
    if markup:
        text = strip_markup(text)
    result = []
    for line, unit in _units(text):
        unit = re.sub(r"\*+|(?<![^\W_])_+|_+(?![^\W_])", "", unit)  # emphasis, not snake_case
        for part in (p for block in unit.split("\u2029") for p in _SENTENCE_END.split(block)):
            if part and _WORD.search(part):
                result.append((line, part.strip()))
    return result


def words(sentence: str) -> list[str]:
    """Lower-case words; a possessive 's is dropped (so "manager's" reads as "manager")."""
    return [w[:-2] if w.endswith("'s") else w for w in _WORD.findall(sentence.lower().replace("\u2019", "'"))]


@lru_cache(maxsize=None)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def content_stems(tokens: list[str]) -> set[str]:
    return {stem(w) for w in tokens if w not in STOP_WORDS and not (len(w) == 1 and w.isalpha())}


def ngrams(tokens: list[str], n: int = NGRAM) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def gram_key(gram: tuple[str, ...]) -> str:
    return digest(" ".join(gram))


# ---------------------------------------------------------------------------------------------------
# Seeds and their index
# ---------------------------------------------------------------------------------------------------


@dataclass
class SeedSentence:
    file: str  # relative to the seeds folder, e.g. "translations/003_....en.txt"
    number: int  # 1-based, in that file
    stems: frozenset  # hashed stems (index) or plain stems (real seeds) -- see Seeds.hashed
    text: str | None = None

    def describe(self) -> str:
        where = f"{self.file}, sentence {self.number}"
        return f'{where}: "{self.text}"' if self.text else f"{where} (text not stored; seeds absent)"


@dataclass
class Seeds:
    hashed: bool  # True: stems are digests (from the index)
    grams: dict  # gram key -> (file, number) of its first sentence
    sentences: list  # SeedSentence with >= MIN_SEED_CONTENT_WORDS content words
    allowed: "Allowlist" = None  # the allowlist its sentences' content words were cut with
    near: dict | None = None  # 6-gram with one inner word blanked -> (file, number); only with the text
    by_stem: dict = field(default_factory=dict)  # stem (or its digest) -> list of sentence indexes
    source: str = ""

    def __post_init__(self) -> None:
        for i, s in enumerate(self.sentences):
            for st in s.stems:
                self.by_stem.setdefault(st, []).append(i)
        self._lookup = {(s.file, s.number): s for s in self.sentences}

    def key(self, stem_: str) -> str:
        return digest(stem_) if self.hashed else stem_

    def sentence(self, file: str, number: int) -> SeedSentence:
        return self._lookup.get((file, number)) or SeedSentence(file, number, frozenset(), None)


def find_seeds_dir() -> Path | None:
    candidates = []
    if os.environ.get("CMW_SEEDS"):
        candidates.append(Path(os.environ["CMW_SEEDS"]))
    candidates += [REPO.parent / "shared" / "seeds", Path("/work/shared/seeds")]
    for c in candidates:
        if c.is_dir() and any(c.glob("*.txt")):
            return c
    return None


def seed_files(seeds_dir: Path) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt")) + sorted((seeds_dir / "translations").glob("*.txt"))


def _seed_sentences(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[0].startswith("English translation of"):
        lines = lines[1:]  # the translator's note, not the article
    text = "\n\n".join(lines)  # every line of a seed is its own paragraph or list item
    return [s for _, s in sentences(text, markup=False)]


def load_seed_texts(seeds_dir: Path, allowed: "Allowlist | None" = None) -> Seeds:
    """The seeds with their text. Allowed phrases are cut from each seed sentence before its content
    words are counted, as they are from ours, so a seed sentence made mostly of standard terms is not
    one that our sentences could echo."""
    allowed = load_allowlist() if allowed is None else allowed
    grams: dict = {}
    near: dict = {}
    kept = []
    all_sentences = []
    for path in seed_files(seeds_dir):
        rel = path.relative_to(seeds_dir).as_posix()
        for number, text in enumerate(_seed_sentences(path), 1):
            tokens = words(text)
            for g in ngrams(tokens):
                grams.setdefault(gram_key(g), (rel, number))
                for i in NEAR_POSITIONS:
                    near.setdefault(g[:i] + ("*",) + g[i + 1 :], (rel, number))
            variants = [text]
            label = _LABEL.match(text)
            if label:  # "Task: List three ways ...": the sentence after its label counts on its own too
                variants.append(text[label.end():])
            for variant in variants:
                tokens = words(variant)
                stems = frozenset(st for run in cut_allowed(tokens, allowed.for_coverage)
                                  for st in content_stems(run))
                all_sentences.append(SeedSentence(rel, number, stems, text))
                if len(stems) >= MIN_SEED_CONTENT_WORDS:
                    kept.append(all_sentences[-1])
    seeds = Seeds(hashed=False, grams=grams, sentences=kept, allowed=allowed, near=near, source=str(seeds_dir))
    seeds._lookup.update({(s.file, s.number): s for s in all_sentences})
    return seeds


def build_index(seeds_dir: Path, allowed: "Allowlist | None" = None) -> dict:
    return index_of(load_seed_texts(seeds_dir, allowed))


def index_of(seeds: Seeds) -> dict:
    """The index of seeds loaded with their text."""
    files = sorted({f for f, _ in seeds.grams.values()} | {s.file for s in seeds.sentences})
    file_no = {f: i for i, f in enumerate(files)}
    return {
        "version": INDEX_VERSION,
        "about": "Hashes (blake2b, 8 bytes) of the seed articles' word 6-grams and of the stemmed content "
        "words of each seed sentence with at least six of them; no seed text. Rebuild: " + REBUILD_COMMAND,
        "ngram": NGRAM,
        "allowlist": seeds.allowed.digest(),
        "min_seed_content_words": MIN_SEED_CONTENT_WORDS,
        "stop_words": digest(" ".join(sorted(STOP_WORDS))),
        "stemmer": "snowballstemmer english " + importlib.metadata.version("snowballstemmer"),
        "files": files,
        "grams": {k: [file_no[f], n] for k, (f, n) in sorted(seeds.grams.items())},
        "sentences": [
            [file_no[s.file], s.number, sorted(digest(st) for st in s.stems)] for s in seeds.sentences
        ],
    }


def dump_index(index: dict) -> str:
    """The index as JSON with one 6-gram or one sentence per line (readable diffs when seeds change)."""
    lines = ["{"]
    for key in sorted(index):
        value = index[key]
        if key == "grams":
            items = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in sorted(value.items())]
            lines.append(f'"grams": {{\n' + ",\n".join(items) + "\n},")
        elif key == "sentences":
            lines.append('"sentences": [\n' + ",\n".join(json.dumps(v) for v in value) + "\n],")
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(value)},")
    lines[-1] = lines[-1].rstrip(",")
    return "\n".join(lines) + "\n}\n"


def load_index(path: Path | None = None, allowed: "Allowlist | None" = None) -> Seeds:
    path = path or INDEX_PATH
    allowed = load_allowlist() if allowed is None else allowed
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SystemExit(f"{path}: the seed index is missing and no seeds were found; build it with "
                         f"{REBUILD_COMMAND} where the seeds are present") from None
    if data.get("version") != INDEX_VERSION:
        raise SystemExit(f"{path}: index version {data.get('version')!r}, expected {INDEX_VERSION}; "
                         f"rebuild it: {REBUILD_COMMAND}")
    if data.get("allowlist") != allowed.digest():
        raise SystemExit(f"{path} was built with another allowlist than {ALLOWLIST_PATH.name}; rebuild it "
                         f"where the seeds are present: {REBUILD_COMMAND}")
    files = data["files"]
    grams = {k: (files[f], n) for k, (f, n) in data["grams"].items()}
    sents = [SeedSentence(files[f], n, frozenset(stems)) for f, n, stems in data["sentences"]]
    return Seeds(hashed=True, grams=grams, sentences=sents, allowed=allowed, source=str(path))


def index_problem(seeds_dir: Path, path: Path | None = None, seeds: Seeds | None = None) -> str | None:
    """None when the committed index equals one built from the seeds (or from ``seeds``, already loaded
    from seeds_dir), else what to do."""
    path = path or INDEX_PATH
    try:
        committed = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError) as exc:
        return f"{path}: cannot be read ({exc}); rebuild it: {REBUILD_COMMAND}"
    if committed != (index_of(seeds) if seeds else build_index(seeds_dir)):
        return f"{path} is out of date with the seeds in {seeds_dir}; rebuild it: {REBUILD_COMMAND}"
    return None


@lru_cache(maxsize=None)
def default_seeds() -> Seeds:
    d = find_seeds_dir()
    return load_seed_texts(d) if d else load_index()


# ---------------------------------------------------------------------------------------------------
# Allowlist
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Allowlist:
    """Allowed phrases as word tuples, longest first: cut before both rules, or only before the 60% rule."""

    both: tuple = ()
    content_words: tuple = ()

    @property
    def for_coverage(self) -> tuple:
        return tuple(sorted(set(self.both) | set(self.content_words), key=len, reverse=True))

    def digest(self) -> str:
        return digest(repr((sorted(self.both), sorted(self.content_words))))


APPLIES_TO = ("both rules", "content words")


def load_allowlist(path: Path | None = None) -> Allowlist:
    """Read the allowlist. Each entry: ``phrase``, ``reason`` and optionally ``applies_to``.

    ``applies_to: content words`` cuts the phrase only before the 60% rule (a standard term that
    inflates the overlap of content words) while a 6-gram running through it still counts.
    """
    path = path or ALLOWLIST_PATH
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = data.get("phrases") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise SystemExit(f"{path}: expected a mapping with a list under 'phrases'")
    both, content = set(), set()
    for i, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not str(entry.get("phrase", "")).strip() \
                or not str(entry.get("reason", "")).strip():
            raise SystemExit(f"{path}: entry {i} needs both a 'phrase' and a 'reason', got {entry!r}")
        applies = entry.get("applies_to", "both rules")
        if applies not in APPLIES_TO:
            raise SystemExit(f"{path}: entry {i} ({entry['phrase']!r}): applies_to must be one of "
                             f"{', '.join(APPLIES_TO)}, got {applies!r}")
        tokens = tuple(words(str(entry["phrase"])))
        if not tokens:
            raise SystemExit(f"{path}: entry {i} phrase {entry['phrase']!r} has no words")
        (both if applies == "both rules" else content).add(tokens)
    order = lambda phrases: tuple(sorted(phrases, key=len, reverse=True))  # noqa: E731
    return Allowlist(order(both), order(content))


def allowlist_from(phrases: list[str], content_words: list[str] = ()) -> Allowlist:
    """An allowlist from plain phrases (for tests and callers that build their own)."""
    order = lambda ps: tuple(sorted({tuple(words(p)) for p in ps}, key=len, reverse=True))  # noqa: E731
    return Allowlist(order(phrases), order(content_words))


def cut_allowed(tokens: list[str], allowed: tuple) -> list[list[str]]:
    """Split a sentence's words into runs with every allowed phrase taken out."""
    if not allowed:
        return [tokens] if tokens else []
    firsts = {p[0] for p in allowed}
    runs, run, i = [], [], 0
    while i < len(tokens):
        for phrase in (allowed if tokens[i] in firsts else ()):
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                runs.append(run)
                run = []
                i += len(phrase)
                break
        else:
            run.append(tokens[i])
            i += 1
    runs.append(run)
    return [r for r in runs if r]


# ---------------------------------------------------------------------------------------------------
# Extraction of learner-facing text
# ---------------------------------------------------------------------------------------------------


@dataclass
class Chunk:
    """One piece of learner-facing text and where it is."""

    file: str
    where: str  # "cell 12", "line 40", "key a.b (line 7)"
    text: str
    line: int = 0  # first line of the chunk in the file (0: not line-based, e.g. a notebook cell)
    label: str = ""  # first words of a notebook cell


def _first_words(text: str, n: int = 6) -> str:
    ws = strip_markup(text).replace("#", " ").split()
    return " ".join(ws[:n]) + (" ..." if len(ws) > n else "")


def _parsed(path: Path, rel: str, parse, error: type[Exception]):
    """parse(text of path), or a clear error naming the file."""
    try:
        return parse(path.read_text(encoding="utf-8"))
    except error as exc:
        raise SystemExit(f"{rel}: cannot be parsed ({exc})") from None


def notebook_chunks(path: Path, rel: str) -> list[Chunk]:
    nb = _parsed(path, rel, json.loads, json.JSONDecodeError)
    chunks = []
    for i, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "markdown":
            continue
        src = cell.get("source", "")
        src = "".join(src) if isinstance(src, list) else src
        chunks.append(Chunk(rel, f"cell {i}", src, label=_first_words(src)))
    return chunks


def _string_value(node: ast.AST) -> str | None:
    """The text of a string literal, an f-string (placeholders as blanks) or a + of string literals."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else " " for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _string_value(node.left), _string_value(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def python_chunks(path: Path, rel: str) -> list[Chunk]:
    source = path.read_text(encoding="utf-8")
    try:
        tree = ast.parse(source, filename=rel)
    except SyntaxError as exc:
        raise SystemExit(f"{rel}:{exc.lineno}: cannot be parsed ({exc.msg})") from None
    chunks, inside = [], set()
    for node in ast.walk(tree):
        if id(node) in inside:
            continue
        text = _string_value(node)
        if text is None:
            continue
        for sub in ast.walk(node):
            inside.add(id(sub))
        if len(text.split()) < 2:
            continue  # identifiers, keys, labels: no sentence there
        chunks.append(Chunk(rel, f"line {node.lineno}", text, line=node.lineno))
    chunks.sort(key=lambda c: c.line)
    return chunks


def bank_chunks(path: Path, rel: str) -> list[Chunk]:
    """Every string value of a YAML or JSON file, with its key path and line."""
    root = _parsed(path, rel, yaml.compose, yaml.YAMLError)
    chunks = []

    def walk(node, keys):
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                walk(v, keys + [str(k.value)])
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, keys + [str(i)])
        elif isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str") and len(node.value.split()) >= 2:
            line = node.start_mark.line + 1
            chunks.append(Chunk(rel, f"{'.'.join(keys) or '(top)'} (line {line})", node.value, line=line))

    if root is not None:
        walk(root, [])
    return chunks


def doc_chunks(path: Path, rel: str) -> list[Chunk]:
    return [Chunk(rel, "", path.read_text(encoding="utf-8"), line=1)]


def chunks_for(path: Path, root: Path = REPO) -> list[Chunk]:
    path = path if path.is_absolute() else (root / path)
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = str(path)
    if not path.is_file():
        raise SystemExit(f"{rel}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".ipynb":
        return notebook_chunks(path, rel)
    if suffix == ".py":
        return python_chunks(path, rel)
    if suffix in (".yaml", ".yml", ".json"):
        return bank_chunks(path, rel)
    if suffix in (".md", ".txt"):
        return doc_chunks(path, rel)
    raise SystemExit(f"{rel}: not a kind of file the originality check reads (.ipynb, .py, .yaml, .json, .md)")


def course_files(root: Path = REPO) -> list[Path]:
    """Every learner-facing file of the course, sorted, relative to root."""
    found: set[Path] = set()
    for pattern in NOTEBOOK_GLOBS + PYTHON_GLOBS + BANK_GLOBS + DOC_GLOBS:
        for p in root.glob(pattern):
            if p.is_file() and ".ipynb_checkpoints" not in p.parts and "__pycache__" not in p.parts:
                found.add(p.relative_to(root))
    return sorted(found)


# ---------------------------------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------------------------------


@dataclass
class Finding:
    file: str
    where: str
    label: str
    rule: str  # "6-gram" or "60% of content words"
    ours: str
    seed: SeedSentence
    detail: str  # the shared 6-gram or the shared content words

    def format(self) -> str:
        place = self.file + (f", {self.where}" if self.where else "")
        if self.label:
            place += f' ("{self.label}")'
        return (f"{place}: {self.rule}: {self.detail}\n"
                f'    ours: "{self.ours}"\n'
                f"    seed: {self.seed.describe()}")


def check_chunks(chunks: list[Chunk], seeds: Seeds | None = None, near: bool = False) -> list[Finding]:
    """Findings for the chunks, with the allowlist the seeds were loaded with.

    near=True adds the advisory rule (only with the seeds' text): a sentence none of whose runs is a
    seed's 6-gram but one of which equals a seed's 6-gram except for one inner word ("how did the
    community manager handle the negative feedback" for "... address the negative feedback").
    """
    seeds = seeds or default_seeds()
    allowed = seeds.allowed
    findings = []
    for chunk in chunks:
        for offset, sentence in sentences(chunk.text):
            tokens = words(sentence)
            runs = cut_allowed(tokens, allowed.both)
            where = chunk.where
            if chunk.line and (not where or where.startswith("line ")):
                where = f"line {chunk.line + offset - 1}"
            found_gram = None
            for run in runs:
                for g in ngrams(run):
                    hit = seeds.grams.get(gram_key(g))
                    if hit:
                        found_gram = (g, hit)
                        break
                if found_gram:
                    break
            if found_gram:
                g, (file, number) = found_gram
                findings.append(Finding(chunk.file, where, chunk.label, "shares a 6-word sequence",
                                        sentence, seeds.sentence(file, number), f'"{" ".join(g)}"'))
                continue
            ours = set()
            for run in cut_allowed(tokens, allowed.for_coverage):
                ours |= content_stems(run)
            if len(ours) < 2:
                continue
            keys = {seeds.key(s): s for s in ours}
            counts: dict[int, int] = {}
            for k in keys:
                for i in seeds.by_stem.get(k, ()):
                    counts[i] = counts.get(i, 0) + 1
            best = None
            for i, n in counts.items():
                share = n / len(seeds.sentences[i].stems)
                if share >= COVERAGE and (best is None or share > best[0]):
                    best = (share, i)
            if best:
                seed = seeds.sentences[best[1]]
                shared = sorted(s for k, s in keys.items() if k in seed.stems)
                findings.append(Finding(
                    chunk.file, where, chunk.label,
                    f"covers {best[0]:.0%} of a seed sentence's content words",
                    sentence, seed, f"{len(shared)} of {len(seed.stems)} shared: {', '.join(shared)}"))
                continue
            near_hit = _near_copy(runs, seeds) if near and seeds.near else None
            if near_hit:
                g, (file, number) = near_hit
                findings.append(Finding(chunk.file, where, chunk.label, NEAR_RULE, sentence,
                                        seeds.sentence(file, number), f'"{" ".join(g)}"'))
    return findings


NEAR_RULE = "advisory: a 6-word run one word away from a seed's"


def _near_copy(runs: list[list[str]], seeds: Seeds):
    """The first 6-gram of ours equal to a seed's but for one inner word, whose other five words are
    not mostly words of allowed phrases ("community management or social media management")."""
    term_words = {w for phrase in seeds.allowed.for_coverage for w in phrase}
    for run in runs:
        for g in ngrams(run):
            for i in NEAR_POSITIONS:
                hit = seeds.near.get(g[:i] + ("*",) + g[i + 1 :])
                if hit and sum(w not in term_words for j, w in enumerate(g) if j != i) >= 3:
                    return g, hit
    return None


def check_file(path: Path | str, seeds: Seeds | None = None, root: Path = REPO, near: bool = False) -> list[Finding]:
    return check_chunks(chunks_for(Path(path), root), seeds, near)


def check_text(text: str, file: str = "<text>", seeds: Seeds | None = None, near: bool = False) -> list[Finding]:
    return check_chunks([Chunk(file, "", text, line=1)], seeds, near)


# ---------------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------------


def _shown(path: Path) -> str:
    try:
        return path.relative_to(REPO).as_posix()
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="files to check (default: the whole course)")
    parser.add_argument("--rebuild-index", action="store_true", help=f"rewrite {_shown(INDEX_PATH)} from the seeds")
    parser.add_argument("--summary", action="store_true", help="print only a count per file")
    parser.add_argument("--near", action="store_true",
                        help="also list, as advisory (not failing), 6-word runs one inner word away from a seed's")
    args = parser.parse_args(argv)
    seeds_dir = find_seeds_dir()
    if args.rebuild_index:
        if not seeds_dir:
            print("no seeds found (set CMW_SEEDS to the seeds folder)", file=sys.stderr)
            return 2
        INDEX_PATH.parent.mkdir(parents=True, exist_ok=True)
        INDEX_PATH.write_text(dump_index(build_index(seeds_dir)), encoding="utf-8")
        print(f"wrote {_shown(INDEX_PATH)} from {seeds_dir}")
        return 0
    start = time.perf_counter()
    status = 0
    if seeds_dir:
        seeds = default_seeds()
        problem = index_problem(seeds_dir, seeds=seeds if seeds.source == str(seeds_dir) else None)
        if problem:
            print(problem, file=sys.stderr)
            status = 1
    files = [Path(f) for f in args.files] or course_files()
    if args.near and not seeds_dir:
        print("--near needs the seeds' text; the index has only the two failing rules", file=sys.stderr)
    total = advisory = 0
    counts = []
    for f in files:
        findings = check_file(f, near=args.near)
        n_advisory = sum(x.rule == NEAR_RULE for x in findings)
        total += len(findings) - n_advisory
        advisory += n_advisory
        counts.append((f, len(findings) - n_advisory, n_advisory))
        if not args.summary:
            for finding in findings:
                print(finding.format())
                print()
    print("findings per file" + (" (failing, advisory)" if args.near else "") + ":")
    for f, n, a in counts:
        print(f"  {n:4d}  " + (f"{a:4d}  " if args.near else "") + f.as_posix())
    source = f"seeds in {seeds_dir}" if seeds_dir else f"the index {_shown(INDEX_PATH)}"
    print(f"{total} finding(s)" + (f" and {advisory} advisory" if args.near else "")
          + f" in {len(files)} file(s), against {source}, in {time.perf_counter() - start:.1f} s")
    return 1 if total else status


if __name__ == "__main__":
    sys.exit(main())
