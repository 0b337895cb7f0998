"""Choosing a teaser's form: stopping at the first form that keeps the whole sentence changes nothing."""

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.teasers import compose, networks
from podium.plugins.teasers.shorten import shorten

from .test_properties import sentence


def _every_form_tried(target, body, wrap, closing):
    """_fit_forms as it was before it stopped early: all three forms shortened, then compared."""
    found = []
    for keep_closing, keep_tail in ((True, True), (True, False), (False, False)):

        def render(piece, c=keep_closing, t=keep_tail):
            return compose._short(wrap(piece), closing if c else "", target.link, target.tail if t else "")

        piece = shorten(body, lambda p: target.fits(render(p)), target.lang)
        if piece is not None:
            found.append((piece, render(piece)))
    if not found:
        return None
    longest = max(len(piece) for piece, _ in found)
    return next(text for piece, text in found if len(piece) >= compose.KEEP * longest)


@settings(max_examples=200, deadline=None)
@given(
    sentence(max_words=50),
    st.sampled_from(["x", "mastodon", "bluesky", "threads"]),
    st.sampled_from(["fr", "en"]),
    st.sampled_from(["", "#Énergie #Climat2030", "@claire@piaille.example #Réseau"]),
    st.booleans(),
)
def test_the_fullest_form_is_chosen_as_if_every_form_was_tried(body, network, lang, tail, quoted):
    target = compose.Target(
        "billet",
        lang,
        network,
        "https://blog.example.org/billet.html?utm_source=x",
        tail,
        lambda text: networks.fits(text, network),
    )
    wrap = (lambda p: f"«{p}»") if quoted else (lambda p: p)
    closing = "Le texte complet\u00a0:"
    assert compose._fit_forms(target, body, wrap, closing) == _every_form_tried(target, body, wrap, closing)
