"""Inputs as careless or hostile people write them: near-valid YAML, JSON and Markdown, then broken on purpose.

Each strategy draws a document close to what podium expects (known keys,
plausible values), so most examples reach deep into the readers, then applies
a few mutations that people (or attackers) make: a stray colon, a tab, an
alias bomb, a 13th month, a huge number, bad UTF-8, nesting a hundred deep.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import yaml
from hypothesis import strategies as st

#: scalars that have broken parsers before: dates out of range, huge numbers, YAML's odd spellings
TRICKY = (
    "",
    " ",
    "~",
    "null",
    "yes",
    "no",
    "on",
    "NaN",
    ".inf",
    "-.inf",
    "0x1F",
    "0o17",
    "1_000",
    "1e400",
    "9" * 5000,
    "2026-13-45",
    "2027-02-30",
    "2027-02-29",
    "2026-09-14 25:61",
    "0000-00-00",
    "9999-12-31T23:59:59",
    "2027-03-02T09:00+01:00",
    "2027-03-28 02:30",
    "24:00",
    "08:00-09:30",
    "25:00-26:00",
    "09:30-08:00",
    "3h",
    "0m",
    "-1h",
    "90m",
    "1h30m",
    "4m",
    "weekdays",
    "weekend",
    "daily",
    "Europe/Paris",
    "Mars/Olympus",
    "../../etc/passwd",
    "UTC",
    "{link}",
    "{link}{link}",
    "#Énergie",
    "@helio",
    "@helio@piaille.fr",
    "https://example.com/a b",
    "javascript:alert(1)",
    "«\u202fcitation\u202f»",
    "\u200b",
    "\u202e",
    "🙂" * 40,
    "a\u0301" * 30,
    "\ud7ff",
    "x" * 300,
    "<script>alert(1)</script>",
    "{static}/images/none.jpg",
    "quote",
    "figure",
    "hook",
    "2",
    "-3",
    "0",
    "skip",
    "approved",
    "draft",
    "published",
    "in_review",
    "comms",
    "legal",
    "x",
    "linkedin",
    "mastodon",
    "bluesky",
    "twitter",
    "fr",
    "en",
    "de",
)

#: fragments inserted into a document: what a stray keystroke or a pasted snippet adds
FRAGMENTS = (
    ": ",
    ":",
    "- ",
    "-",
    "? ",
    "&a ",
    "*a",
    "*undefined",
    "!!python/object/apply:os.system ['true']",
    "!!binary AAAA",
    "!!timestamp 2026-13-45",
    "!!int 1e9",
    "!!float x",
    "!!set {a}",
    "!!omap [a]",
    "!!str",
    "!custom",
    "<<: *a",
    "'",
    '"',
    "{",
    "}",
    "[",
    "]",
    ",",
    "#",
    "|",
    ">",
    "|-\n",
    ">+\n",
    "\t",
    "\n",
    "\n  ",
    "\n\t",
    "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n",
    "---\n",
    "...\n",
    "\ufeff",
    "\x00",
    "\x07",
    "\x85",
    "\u2028",
    "\r",
    "\r\n",
    "\\",
    "%",
    "@",
    "`",
    "&",
    "*",
    "!",
    "{link}",
    "\ud7ff",
    "  ",
    "key: value\n",
    "- item\n",
    "title:\n",
    "date: 2026-13-45\n",
    "[[[[[[[[[[",
    "{{{{{{{{{{",
)


def alias_bomb(levels: int = 9) -> str:
    """The billion laughs: a few hundred bytes that expand to 10**levels values."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


plain_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
words = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0x17F, exclude_characters="\x7f"), min_size=1, max_size=30
)
moments = st.datetimes(
    min_value=datetime(1, 1, 2),
    max_value=datetime(9999, 12, 30),
    timezones=st.sampled_from([None, UTC, timezone(timedelta(hours=-9, minutes=-30))]),
)
scalars = st.one_of(
    st.sampled_from(TRICKY),
    plain_text,
    words,
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=date(1, 1, 1)),
    moments,
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(words, st.sampled_from(TRICKY), st.integers()), inner, max_size=4),
    ),
    max_leaves=12,
)


def dump(value, flow: bool, unicode: bool, width: int) -> str:
    """YAML as an editor or a person might have written it: block or flow, escaped or not."""
    return yaml.safe_dump(value, default_flow_style=flow, allow_unicode=unicode, width=width, sort_keys=False)


@st.composite
def yaml_text(draw, value) -> str:
    """``value`` (a strategy) dumped as YAML in some style, then maybe broken."""
    text = dump(draw(value), draw(st.booleans()), draw(st.booleans()), draw(st.sampled_from([20, 80, 10**6])))
    return draw(mutated(text))


@st.composite
def mutated(draw, text: str, most: int = 3) -> str:
    """``text`` with up to ``most`` edits of the kinds people make; none at all in about a third of examples."""
    for _ in range(draw(st.integers(0, most))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(("insert", "insert", "delete", "repeat", "indent", "bomb", "deep")))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(FRAGMENTS) | plain_text) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 12)) :]
        elif kind == "repeat":
            lines = text.splitlines(keepends=True) or [""]
            line = lines[draw(st.integers(0, len(lines) - 1))]
            text = text[:at] + line * draw(st.integers(1, 3)) + text[at:]
        elif kind == "indent":
            lines = text.splitlines(keepends=True) or [""]
            index = draw(st.integers(0, len(lines) - 1))
            lines[index] = draw(st.sampled_from(("  ", "    ", " ", "\t", ""))) + lines[index].lstrip(" ")
            text = "".join(lines)
        elif kind == "bomb":
            text = alias_bomb(draw(st.integers(3, 9))) + text
        else:
            opening = draw(st.sampled_from(("[", "{a: ", "- ")))
            text = text[:at] + opening * draw(st.integers(10, 120)) + text[at:]
    return text


# --- posts: front matter and Markdown -------------------------------------------------------------

FRONT_KEYS = (
    "title",
    "date",
    "modified",
    "lang",
    "category",
    "tags",
    "summary",
    "status",
    "author",
    "series",
    "series_index",
    "translation",
    "campaign",
    "teaser_thread",
    "card_image",
    "card_focus",
    "decorative_images",
    "comments",
    "categorie",
    "Title",
    "DATE",
    "tag",
)


@st.composite
def teaser_blocks(draw):
    """A ``teasers:`` block: per-network texts (one or several, or false), hashtags and mentions; or junk."""
    text = st.one_of(
        st.sampled_from(
            (
                "Trois ans après la loi {link}",
                "{link}",
                "Court.",
                "x" * 400,
                "🙂 " * 200,
                "Une ligne\n\nune autre {link} #Énergie",
            )
        ),
        plain_text,
    )
    per_network = st.one_of(text, st.lists(text, max_size=3), st.just(False), st.just(True), values)
    block = draw(
        st.dictionaries(
            st.sampled_from(("x", "linkedin", "mastodon", "bluesky", "threads", "twitter", "hashtags", "mentions")),
            per_network,
            max_size=5,
        )
    )
    if "hashtags" in block and draw(st.booleans()):
        block["hashtags"] = draw(
            st.lists(st.one_of(words, st.sampled_from(("énergie", "#x", "a b", "", "😀"))), max_size=6)
        )
    if "mentions" in block and draw(st.booleans()):
        block["mentions"] = draw(
            st.dictionaries(
                st.sampled_from(("x", "mastodon", "bluesky", "linkedin", "zz")),
                st.one_of(
                    st.sampled_from(("@helio", "@helio@piaille.fr", "helio", "@", "@a@b@c")),
                    st.lists(words, max_size=2),
                    values,
                ),
                max_size=3,
            )
        )
    return draw(st.one_of(st.just(block), values))


@st.composite
def front_matter(draw, lang: str = "fr") -> dict:
    """A post's metadata: usually a title, a date and a known language, then anything else."""
    meta = {}
    if draw(st.integers(0, 9)):
        meta["title"] = draw(st.one_of(words, scalars))
    if draw(st.integers(0, 9)):
        meta["date"] = draw(st.one_of(st.sampled_from(("2026-01-10 09:00", "2026-09-14", "2026-03-29T02:30")), scalars))
    if draw(st.integers(0, 3)):
        meta["lang"] = draw(st.one_of(st.just(lang), st.sampled_from(("fr", "en")), scalars))
    for key in draw(st.lists(st.sampled_from(FRONT_KEYS), max_size=5, unique=True)):
        meta[key] = draw(st.one_of(scalars, values))
    if draw(st.integers(0, 2)) == 0:
        meta["teasers"] = draw(teaser_blocks())
    return meta


def _block(kind: str, text: str, number: int) -> str:
    return {
        "para": text,
        "heading": "#" * (number % 7 + 1) + " " + text,
        "list": f"- {text}\n- {text}\n  - {text}",
        "ordered": f"1. {text}\n2. {text}",
        "quote": f"> « {text} »\n>\n> — {text}",
        "figure": f"{number} % de {text}",
        "code": f"```\n{text}\n```",
        "open_code": f"```python\n{text}",
        "html": f'<div markdown="1">{text}</div>',
        "script": f"<script>{text}</script>",
        "link": f"[{text}](https://example.com/{number})",
        "static": f"[{text}]({{static}}/images/none-{number}.pdf)",
        "image": f"![{text}]({{static}}/images/none-{number}.jpg)",
        "filename": f"[{text}]({{filename}}/posts/none-{number}.md)",
        "footnote": f"{text}[^{number}]\n\n[^{number}]: {text}",
        "table": f"| a | b |\n| --- | --- |\n| {text} | {number} |",
        "abbr": f"*[{text}]: {text}",
        "entity": f"&amp; &#x1F600; &#0; &bogus; {text}",
        "long": "x" * (number * 50),
        "hr": "---",
        "fence": "---",
        "setext": f"{text}\n=====",
        "toc": "[TOC]",
        "attr": f"{text} {{: #id .class }}",
    }[kind]


@st.composite
def markdown(draw) -> str:
    """A post body: paragraphs, headings, lists, quotes, figures, code, links and images, some broken."""
    kinds = st.sampled_from(
        (
            "para",
            "para",
            "heading",
            "list",
            "ordered",
            "quote",
            "figure",
            "code",
            "open_code",
            "html",
            "script",
            "link",
            "static",
            "image",
            "filename",
            "footnote",
            "table",
            "abbr",
            "entity",
            "long",
            "hr",
            "fence",
            "setext",
            "toc",
            "attr",
        )
    )
    blocks = [
        _block(draw(kinds), draw(st.one_of(words, plain_text)), draw(st.integers(0, 99)))
        for _ in range(draw(st.integers(0, 6)))
    ]
    return draw(mutated("\n\n".join(blocks) + "\n", most=1))


@st.composite
def post_bytes(draw, lang: str = "fr") -> bytes:
    """A whole post file: YAML front matter (or Pelican's own header, or none) and a body; maybe bad UTF-8."""
    style = draw(st.sampled_from(("yaml", "yaml", "yaml", "yaml", "pelican", "none", "unclosed")))
    body = draw(markdown())
    if style in ("yaml", "unclosed"):
        header = draw(yaml_text(front_matter(lang)))
        text = "---\n" + header + ("---\n\n" if style == "yaml" else "\n") + body
    elif style == "pelican":
        meta = draw(front_matter(lang))
        text = "".join(f"{k}: {v}\n" for k, v in meta.items() if not isinstance(v, (dict, list))) + "\n" + body
    else:
        text = body
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from((b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80\x80"))) + data[at:]
    return data


# --- the calendar ---------------------------------------------------------------------------------

slugs = st.sampled_from(("fuzz", "autre", "inconnu", "fuzz-en", ""))
times = st.sampled_from(("08:00-09:30", "12:30-13:30", "00:00-24:00", "09:30-08:00", "25:00-26:00", "8h", "", "08:00"))
days = st.one_of(
    st.sampled_from(("weekdays", "weekend", "daily", "mon", "funday", "")),
    st.lists(st.sampled_from(("mon", "tue", "wed", "thu", "fri", "sat", "sun", "mo", "")), max_size=4),
)


@st.composite
def calendar_value(draw) -> dict:
    """A calendar close to docs/comms.md's example: zone, approvals, slots, quiet periods, reshares, entries."""
    field = lambda known: st.one_of(known, scalars) if draw(st.integers(0, 4)) else values  # noqa: E731
    slot = st.fixed_dictionaries({"days": field(days), "times": field(st.lists(times, max_size=3))})
    rules = st.fixed_dictionaries(
        {},
        optional={
            "slots": field(st.lists(slot, max_size=2)),
            "min_gap": field(st.sampled_from(("3h", "90m", "4m", "0m", "-1h"))),
            "max_per_day": field(st.integers(-2, 5)),
            "color": scalars,
        },
    )
    approval = st.fixed_dictionaries(
        {
            "role": field(st.sampled_from(("comms", "legal", "ceo"))),
            "who": field(words),
            "when": field(st.sampled_from(("2026-01-09 17:00", "2027-08-28T17:00+02:00", "2026-13-45"))),
        }
    )
    plan = st.one_of(
        st.just("skip"),
        st.fixed_dictionaries(
            {},
            optional={
                "variant": field(st.sampled_from(("quote", "figure", "2", "99", "nope"))),
                "text": field(words),
                "at": field(st.sampled_from(("2026-01-10 12:15", "2026-02-30 12:00"))),
                "skip": st.booleans(),
            },
        ),
    )
    entry = st.fixed_dictionaries(
        {
            "status": field(
                st.sampled_from(("approved", "published", "idea", "draft", "in_review", "withdrawn", "aproved"))
            )
        },
        optional={
            "approvals": field(st.lists(approval, max_size=3)),
            "publish_at": field(st.sampled_from(("2026-01-10 08:00", "2027-09-01", "2026-03-29 02:30"))),
            "evergreen": field(st.booleans()),
            "owner": words,
            "notes": plain_text,
            "campaign": words,
            "networks": field(
                st.dictionaries(st.sampled_from(("x", "linkedin", "mastodon", "bluesky", "myspace")), plan, max_size=3)
            ),
        },
    )
    quiet = st.fixed_dictionaries(
        {
            "start": field(st.sampled_from(("2026-02-01", "2026-03-01 18:00", "2027-02-14"))),
            "end": field(st.sampled_from(("2026-02-14", "2026-03-02T09:00+01:00", "2026-01-01"))),
        },
        optional={"reason": words},
    )
    return draw(
        st.fixed_dictionaries(
            {},
            optional={
                "timezone": field(st.sampled_from(("Europe/Paris", "UTC", "America/New_York", "Mars/Olympus", ""))),
                "required_approvals": field(st.lists(st.sampled_from(("comms", "legal", "")), max_size=3)),
                "networks": field(
                    st.dictionaries(
                        st.sampled_from(("x", "linkedin", "mastodon", "bluesky", "twitter")), rules, max_size=3
                    )
                ),
                "quiet_periods": field(st.lists(quiet, max_size=3)),
                "reshare": field(
                    st.fixed_dictionaries(
                        {},
                        optional={
                            "after_days": field(st.lists(st.integers(-1, 400), max_size=3)),
                            "networks": field(st.lists(st.sampled_from(("x", "linkedin", "bogus")), max_size=2)),
                        },
                    )
                ),
                "posts": field(st.dictionaries(slugs, entry, max_size=3)),
                "extra": scalars,
            },
        )
    )


calendar_text = yaml_text(calendar_value())


# --- the ledger -----------------------------------------------------------------------------------


@st.composite
def ledger_text(draw) -> str:
    """A ledger as ``podium publish`` writes it, or edited by hand: wrong types, missing fields, bad JSON."""
    share = st.fixed_dictionaries(
        {},
        optional={
            "share": st.one_of(st.sampled_from(("fuzz/x/1", "fuzz/linkedin/1", "autre/mastodon/2")), values),
            "network": st.one_of(st.sampled_from(("x", "linkedin", "mastodon", "bluesky")), values),
            "remote_id": st.one_of(words, values),
            "url": st.one_of(st.just("https://x.com/i/1"), values),
            "time": st.one_of(
                st.sampled_from(("2026-01-10T09:00:00+00:00", "2026-01-10T09:00:00", "2026-13-45")), values
            ),
            "page": st.one_of(st.just(""), values),
        },
    )
    intent = st.fixed_dictionaries(
        {},
        optional={
            "share": st.one_of(st.just("fuzz/x/1"), values),
            "network": st.one_of(st.just("x"), values),
            "since": st.one_of(st.just("2026-01-10T09:00:00+00:00"), values),
        },
    )
    body = draw(
        st.one_of(
            st.fixed_dictionaries(
                {"version": st.one_of(st.just(1), values)},
                optional={
                    "shares": st.one_of(st.lists(share, max_size=4), values),
                    "intents": st.one_of(st.lists(intent, max_size=2), values),
                },
            ),
            values,
        )
    )
    text = json.dumps(body, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from((None, 2))), default=str)
    return draw(mutated(text, most=2))


# --- settings -------------------------------------------------------------------------------------


def python_literal(value) -> str:
    """``value`` as Python source for a settings file (dates as strings: a settings file has no YAML)."""
    if isinstance(value, (date, datetime)):
        return repr(value.isoformat())
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return f"float({str(value)!r})"
    if isinstance(value, list):
        return "[" + ", ".join(python_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{python_literal(k)}: {python_literal(v)}" for k, v in value.items()) + "}"
    return repr(value)
