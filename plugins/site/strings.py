"""The theme's interface words in French and English, in one place a translator can read.

A dict per language rather than gettext catalogues: two languages and some
sixty strings do not justify a compile step, and a missing key fails loudly
in the tests instead of showing an English word on a French page.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from .. import languages
from ..typography import typeset

FALLBACK = "en"

MESSAGES: Mapping[str, Mapping[str, str]] = {
    "fr": {
        "skip": "Aller au contenu",
        "nav": "Navigation principale",
        "archives": "Archives",
        "tags": "Mots-clés",
        "categories": "Rubriques",
        "authors": "Auteurs",
        "series_all": "Séries",
        "reading_time": "{minutes} min de lecture",
        "updated": "Mis à jour le",
        "tagged": "Mots-clés",
        "previous_post": "Article précédent",
        "next_post": "Article suivant",
        "post_nav": "Autres articles",
        "series_nav": "Série « {series} »",
        "series_part": "Partie {index} sur {count}",
        "series_previous": "Partie précédente",
        "series_next": "Partie suivante",
        "series_page": "Série : {series}",
        "series_intro": "{count} articles, à lire dans l’ordre.",
        "translations": "Aussi disponible en",
        "draft": "Brouillon",
        "draft_banner": "Brouillon : cet article n’est pas publié. Cet aperçu n’est visible que sur votre poste.",
        "drafts_title": "Vos brouillons",
        "drafts_banner": "Aperçu seulement : ces brouillons ne sont pas publiés et n’apparaissent nulle part ailleurs.",
        "embargo_banner": "Pas encore publié ({reason}). Cet aperçu n’est visible que sur votre poste.",
        "not_found_title": "Page introuvable",
        "not_found_text": "La page demandée n’existe pas ou a été déplacée.",
        "not_found_back": "Revenir à l’accueil",
        "not_found_latest": "Les derniers articles",
        "latest": "Derniers articles",
        "all_posts": "Tous les articles",
        "posts_tagged": "Mot-clé : {tag}",
        "posts_in": "Rubrique : {category}",
        "posts_by": "Articles de {name}",
        "count_one": "{count} article",
        "count_many": "{count} articles",
        "pagination": "Pages",
        "newer": "Articles plus récents",
        "older": "Articles plus anciens",
        "part_range": "Du {start} au {end}",
        "archives_years": "Les articles, année par année",
        "subscribe": "S’abonner",
        "elsewhere": "Ailleurs",
        "discuss": "Discuter",
        "discuss_on": "Discuter sur {network}",
        "portrait": "Portrait de {name}",
        "sources": "Sources",
        "back_to_text": "Retour au texte (note {number})",
        "footer_note": "Textes de {name}.",
        # the conversation under a post (plugins/conversations); "one|many" forms go through plural()
        "conversation.heading": "La conversation",
        "conversation.reactions": "Réactions",
        "conversation.replies_heading": "Réponses",
        "conversation.closed": "La discussion est close : les nouvelles réponses ne sont plus publiées ici.",
        "conversation.original": "Voir sur {network}",
        "conversation.someone": "Un membre de {network}",
        "conversation.replied": "a répondu le",
        "conversation.count.replies": "{n} réponse|{n} réponses",
        "conversation.count.reposts": "{n} partage|{n} partages",
        "conversation.count.likes": "{n} j’aime|{n} j’aime",
        "conversation.count.quotes": "{n} citation|{n} citations",
        "conversation.webmention": "le web",
    },
    "en": {
        "skip": "Skip to content",
        "nav": "Main navigation",
        "archives": "Archives",
        "tags": "Tags",
        "categories": "Categories",
        "authors": "Authors",
        "series_all": "Series",
        "reading_time": "{minutes} min read",
        "updated": "Updated",
        "tagged": "Tags",
        "previous_post": "Previous post",
        "next_post": "Next post",
        "post_nav": "More posts",
        "series_nav": "Series “{series}”",
        "series_part": "Part {index} of {count}",
        "series_previous": "Previous part",
        "series_next": "Next part",
        "series_page": "Series: {series}",
        "series_intro": "{count} posts, best read in order.",
        "translations": "Also available in",
        "draft": "Draft",
        "draft_banner": "Draft: this post is not published. Only you can see this preview.",
        "drafts_title": "Your drafts",
        "drafts_banner": "Preview only: these drafts are not published and appear nowhere else.",
        "embargo_banner": "Not yet published ({reason}). Only you can see this preview.",
        "not_found_title": "Page not found",
        "not_found_text": "The page you asked for does not exist or has moved.",
        "not_found_back": "Back to the home page",
        "not_found_latest": "Latest posts",
        "latest": "Latest posts",
        "all_posts": "All posts",
        "posts_tagged": "Tag: {tag}",
        "posts_in": "Category: {category}",
        "posts_by": "Posts by {name}",
        "count_one": "{count} post",
        "count_many": "{count} posts",
        "pagination": "Pages",
        "newer": "Newer posts",
        "older": "Older posts",
        "part_range": "From {start} to {end}",
        "archives_years": "Posts, year by year",
        "subscribe": "Subscribe",
        "elsewhere": "Elsewhere",
        "discuss": "Discuss",
        "discuss_on": "Discuss on {network}",
        "portrait": "Portrait of {name}",
        "sources": "Sources",
        "back_to_text": "Back to the text (note {number})",
        "footer_note": "Writing by {name}.",
        "conversation.heading": "The conversation",
        "conversation.reactions": "Reactions",
        "conversation.replies_heading": "Replies",
        "conversation.closed": "Comments are closed: new replies are no longer published here.",
        "conversation.original": "View on {network}",
        "conversation.someone": "A {network} member",
        "conversation.replied": "replied on",
        "conversation.count.replies": "{n} reply|{n} replies",
        "conversation.count.reposts": "{n} repost|{n} reposts",
        "conversation.count.likes": "{n} like|{n} likes",
        "conversation.count.quotes": "{n} quote|{n} quotes",
        "conversation.webmention": "the web",
    },
}


def language(lang: str | None) -> str:
    """The catalogue to use: the base language of 'fr-CA' is 'fr'; unknown ones fall back to English."""
    base = (lang or "").split("-")[0].split("_")[0].lower()
    return base if base in MESSAGES else FALLBACK


def ui(key: str, lang: str | None, **values: object) -> str:
    """The interface string ``key`` in ``lang``, with ``{placeholders}`` filled in.

    Raises KeyError for an unknown key: a template typo should fail the tests,
    not show a blank on the page. French strings get French spacing, so the
    catalogue can be written with ordinary spaces.
    """
    loc = language(lang)
    return typeset(MESSAGES[loc][key].format(**values), loc)


def count(n: int, lang: str | None) -> str:
    """'1 article' / '3 articles': French treats 0 and 1 as singular, English only 1."""
    singular = n <= 1 if language(lang) == "fr" else n == 1
    return ui("count_one" if singular else "count_many", lang, count=n)


def native_name(lang: str) -> str:
    """The language's own name, for "read in English" links (podium.plugins.languages)."""
    return languages.native_name(language(lang))


def collation_key(text: str) -> str:
    """Sort key that puts 'éolien' among the e's, not after 'z' as code points would."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def collate(pairs):
    """(term, posts) pairs, as Pelican gives tags and categories, in dictionary order."""
    return sorted(pairs, key=lambda pair: collation_key(getattr(pair[0], "name", pair[0])))
