"""French text for search: accents, case, elisions, stop words and a light suffix stripping.

The same functions prepare the text stored in SQLite's FTS5 index, the terms of every query (on both
databases) and the highlighting of snippets, so "epiceries solidaires" meets "Épicerie solidaire" the same way
everywhere. PostgreSQL stems with its own `french` configuration; the terms it receives are only unaccented
and lower-cased here.
"""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from fabrique.core.french import fold

# PostgreSQL's French stop words (Snowball), unaccented, plus the articles it keeps.
STOP_WORDS = frozenset(
    """
    a au aux avec ce ces dans de des du elle en et eux il je la le les leur leurs lui ma mais me meme mes moi mon
    ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous
    c d j l m n s t y ete etee etees etes etant etante etants etantes suis es est sommes etes sont serai seras
    sera serons serez seront serais serait serions seriez seraient etais etait etions etiez etaient fus fut fumes
    futes furent sois soit soyons soyez soient fusse fusses fussions fussiez fussent ayant ayante ayantes ayants
    eu eue eues eus ai as avons avez ont aurai auras aura aurons aurez auront aurais aurait aurions auriez
    auraient avais avait avions aviez avaient eut eumes eutes eurent aie aies ait ayons ayez aient eusse eusses
    eussions eussiez eussent cet cette
    """.split()
)

MIN_PREFIX_LENGTH = 3
MAX_QUERY_TERMS = 12
_WORD = re.compile(r"[0-9a-z]+")
_RAW_WORD = re.compile(r"\w+", re.UNICODE)
# Feminine and derived endings brought back to one form, longest first: "porteuses" → "porteur".
_ENDINGS = (
    ("trice", "teur"),
    ("euse", "eur"),
    ("ienne", "ien"),
    ("enne", "en"),
    ("elle", "el"),
    ("ere", "er"),
    ("ive", "if"),
)


def stem(word: str) -> str:
    """A light French stemmer for already folded words: plurals, feminine forms and the final e."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("eaux"):
        word = word[:-1]
    elif word.endswith("aux") and len(word) > 5:
        word = word[:-3] + "al"
    elif word[-1] in "sx":
        word = word[:-1]
    for ending, replacement in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)] + replacement
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    """The folded words of `text`, without stop words; elisions ("d'Ampère") leave the word alone."""
    return [word for word in _WORD.findall(fold(text or "")) if word not in STOP_WORDS]


def index_text(text: str) -> str:
    """What SQLite's full-text index stores for a piece of text: the stems, in order."""
    return " ".join(stem(word) for word in words(text))


def query_terms(query: str) -> list[str]:
    """The distinct folded words of a query, in order, without stop words (at most MAX_QUERY_TERMS)."""
    seen: list[str] = []
    for word in words(query):
        if word not in seen and (len(word) > 1 or word.isdigit()):
            seen.append(word)
    return seen[:MAX_QUERY_TERMS]


def is_prefix_term(term: str) -> bool:
    """A term long enough to also match longer words (a partial word typed without a typo)."""
    return len(term) >= MIN_PREFIX_LENGTH


@lru_cache(maxsize=50_000)
def folded_word(word: str) -> str:
    """fold() of one word of a text, remembered: the same words come back in every snippet."""
    return fold(word)


@lru_cache(maxsize=50_000)
def word_stem(word: str) -> str:
    return stem(folded_word(word))


def matches(term_stems: list[str], word: str) -> bool:
    """Whether a word of a text is met by one of the query's stems (prefix match on the stem)."""
    word_stem_ = word_stem(word)
    return any(word_stem_.startswith(s) if is_prefix_term(s) else word_stem_ == s for s in term_stems)


def matched_words(term_stems: list[str], text: str) -> list[str]:
    """The words of `text` met by the query, as written, without repetition (case and accents ignored)."""
    found, seen = [], set()
    for match in _RAW_WORD.finditer(text or ""):
        word = match.group(0)
        key = folded_word(word)
        if key not in seen and key not in STOP_WORDS and matches(term_stems, word):
            seen.add(key)
            found.append(word)
    return found


def highlight(text: str, term_stems: list[str]) -> SafeString:
    """`text`, escaped, with the words met by the query wrapped in <mark>."""
    out, last = [], 0
    for match in _RAW_WORD.finditer(text or ""):
        word = match.group(0)
        if folded_word(word) not in STOP_WORDS and matches(term_stems, word):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(word)}</mark>")
            last = match.end()
    out.append(escape((text or "")[last:]))
    return mark_safe("".join(out))  # noqa: S308 (every piece is escaped above)


def snippet(text: str, term_stems: list[str], width: int = 220) -> SafeString:
    """A short extract of `text` around the first word met by the query, highlighted; its start otherwise."""
    text = " ".join((text or "").split())
    if not text:
        return mark_safe("")  # noqa: S308 (constant)
    start = 0
    for match in _RAW_WORD.finditer(text):
        if folded_word(match.group(0)) not in STOP_WORDS and matches(term_stems, match.group(0)):
            start = max(0, match.start() - width // 3)
            break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    extract = highlight(text[start:end], term_stems)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{extract}{suffix}")  # noqa: S308 (extract is escaped by highlight)
