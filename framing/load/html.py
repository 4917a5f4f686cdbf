"""A saved news page's own publication date and outlet, from its markup, before any other date on the page.

In: the page's HTML. Out: `PageMetadata` (raw date string and where it came from, normalised outlet and where it
came from, the canonical address, notes for the errors table). The date is taken, in this order, from the
page's structured data for the article itself (JSON-LD `datePublished` of the main article object, never of a
listed or related article), the `article:published_time` family of meta tags in the head, the visible dateline
inside the article element (never inside a teaser, an aside or a list of related articles), a date in the page's
own address; `dateCreated` / `dateModified` only when nothing else is there, with a note. The outlet comes from
the site's own name (`og:site_name`, the article's JSON-LD publisher, `application-name`) or else its domain,
never from a social-media handle; see `normalise_outlet`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from framing.load.metadata import parse_date_quiet

_ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|Report)$")
_TEASER = re.compile(r"teaser|related|recommend|empfehl|weitere|more-|-more|aside|sidebar|list|footer|"
                     r"breadcrumb|navigation|promo|trending|latest|also|galerie|gallery", re.I)
_DATE_CLASS = re.compile(r"date|time|publish|datum|zeit|dateline", re.I)
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)|[/-](20\d{2})(\d{2})(\d{2})(?:[/.-]|$)")
_PUBLISHED_META = ("article:published_time", "og:article:published_time", "og:published_time", "datepublished",
                   "article.published", "published_time", "publishdate", "publish-date", "pubdate", "date",
                   "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "parsely-pub-date",
                   "sailthru.date")
_FALLBACK_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_SECOND_LEVEL = {"co", "com", "or", "gv", "ac", "org", "net", "gov", "ne"}  # example.co.uk, example.or.at


@dataclass
class PageMetadata:
    date: str | None = None
    date_source: str | None = None
    outlet: str | None = None
    outlet_source: str | None = None
    url: str | None = None
    notes: list[str] = field(default_factory=list)
    types: str | None = None  # the main article's JSON-LD @type(s), joined by `|` (OpinionNewsArticle|NewsArticle)
    section: str | None = None  # article:section meta tags, JSON-LD articleSection and genre, joined by `|`


# ---------------------------------------------------------------- outlet names


def domain_of(url: str | None) -> str | None:
    """The site's domain from an address: `https://www.futurezone.at/x` -> `futurezone.at`."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    labels = [label for label in host.lower().split(".") if label]
    while len(labels) > 2 and labels[0] in ("www", "m", "mobil", "mobile", "amp", "www1", "www2"):
        labels = labels[1:]
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


_DOMAIN_LIKE = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}/?$")
_TRANSLITERATE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def normalise_outlet(name: str | None) -> str | None:
    """One spelling per site: a location or tagline after the name is cut (`SPIEGEL ONLINE, Hamburg, Germany` ->
    `SPIEGEL ONLINE`, `ZEIT ONLINE | Nachrichten` -> `ZEIT ONLINE`); a name that is a domain is written as the domain
    is (`Süddeutsche.de` and `www.sueddeutsche.de` -> `sueddeutsche.de`). Other names are kept as the site spells
    them; merging different names of one outlet is the job of an alias table, not of a guess."""
    if not name:
        return None
    text = re.sub(r"\s+", " ", str(name)).strip().lstrip("@").strip()
    for separator in (" | ", " – ", " — ", " - ", ", "):
        head = text.split(separator, 1)[0].strip()
        if len(head) >= 2:
            text = head
    if _DOMAIN_LIKE.match(text):
        return domain_of(text.lower().translate(_TRANSLITERATE)) or text
    return text or None


# ---------------------------------------------------------------- structured data


def _json_ld(tree) -> list[dict]:
    """Top-level JSON-LD objects of the page (members of @graph count as top level; nested objects do not)."""
    found: list[dict] = []
    for script in tree.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and isinstance(item.get("@graph"), list):
                found.extend(g for g in item["@graph"] if isinstance(g, dict))
            elif isinstance(item, dict):
                found.append(item)
    return found


def _types(obj: dict) -> list[str]:
    kind = obj.get("@type")
    return [str(k) for k in (kind if isinstance(kind, list) else [kind]) if k]


def _address(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return value if isinstance(value, str) else None


def _same_page(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    strip = lambda u: re.sub(r"^https?://(www\.)?", "", u.split("#")[0].split("?")[0]).rstrip("/").lower()
    return strip(a) == strip(b)


def _main_article(objects: list[dict], canonical: str | None) -> dict | None:
    articles = [o for o in objects if any(_ARTICLE_TYPES.search(t) for t in _types(o))]
    for obj in articles:
        if any(_same_page(_address(obj.get(k)), canonical) for k in ("url", "@id", "mainEntityOfPage")):
            return obj
    return articles[0] if articles else None


def _name(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


# ---------------------------------------------------------------- the page


def _meta(tree, names: tuple[str, ...], head_only: bool = True) -> Iterator[tuple[str, str]]:
    """(name, content) of meta tags with one of the names (property, name or itemprop), in the order of `names`."""
    scope = "//head//meta" if head_only else "//meta"
    tags = tree.xpath(scope)
    for wanted in names:
        for tag in tags:
            key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
            content = (tag.get("content") or "").strip()
            if key == wanted and content:
                yield key, content


def _in_teaser(element, main=None) -> bool:
    """True when the element sits in a teaser, an aside, a navigation or a footer; inside the main article, any
    nested article element counts as a teaser too (a related article's box)."""
    for ancestor in element.iterancestors():
        if ancestor is main:
            return False
        if ancestor.tag in ("aside", "nav", "footer"):
            return True
        if ancestor.tag == "article" and main is not None:
            return True
        marks = " ".join(filter(None, (ancestor.get("class"), ancestor.get("id"), ancestor.get("role"))))
        if marks and _TEASER.search(marks):
            return True
    return False


def _main_element(tree):
    """The article element holding the page's headline (or the first article element, or <main>)."""
    articles = [a for a in tree.xpath("//article") if not _in_teaser(a) and not a.xpath("ancestor::article")]
    for article in articles:
        if article.xpath(".//h1"):
            return article
    if articles:
        return articles[0]
    main = tree.xpath("//main")
    if main:
        return main[0]
    h1 = tree.xpath("//h1")
    if h1 and h1[0].getparent() is not None:
        parent = h1[0].getparent()
        return parent.getparent() if parent.getparent() is not None else parent
    return None


def _dateline(main) -> tuple[str, str] | None:
    """The first date shown inside the article element, outside teasers: <time>, itemprop="datePublished", or an
    element whose class says it is the date."""
    if main is None:
        return None
    candidates = main.xpath(".//time | .//*[@itemprop='datePublished'] | .//*[@class]")
    for element in candidates:
        if element.tag != "time" and element.get("itemprop") != "datePublished":
            if not _DATE_CLASS.search(element.get("class") or ""):
                continue
        if element is not main and (element.tag == "article" or _in_teaser(element, main)):
            continue
        for raw in (element.get("datetime"), element.get("content"), element.text_content()):
            raw = (raw or "").strip()
            if raw and len(raw) <= 120 and parse_date_quiet(raw):
                return raw, "visible dateline"
    return None


def _strings(value) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [v.strip() for v in values if isinstance(v, str) and v.strip()]


def _kind_of_page(tree, main_obj: dict | None, meta: PageMetadata) -> None:
    """What the page says of the article's kind, for framing.segment.genre: the main article's JSON-LD @type, and
    its section (article:section meta tags, JSON-LD articleSection and genre)."""
    if main_obj:
        meta.types = "|".join(_types(main_obj)) or None
    sections = [c for _, c in _meta(tree, ("article:section", "og:article:section", "section", "parsely-section",
                                           "cxenseparse:recs:articlesection"))]
    if main_obj:
        sections += _strings(main_obj.get("articleSection")) + _strings(main_obj.get("genre"))
    meta.section = "|".join(dict.fromkeys(s.replace("|", "/") for s in sections)) or None


def page_metadata(text: str, fallback_url: str | None = None) -> PageMetadata:
    """The page's own date, outlet and address (see the module docstring); empty where the page says nothing."""
    import lxml.html

    meta = PageMetadata()
    try:
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1))
    except (ValueError, TypeError, lxml.etree.ParserError):
        return meta
    canonical = next(iter(tree.xpath("//link[translate(@rel, 'CANONICAL', 'canonical')='canonical']/@href")), None)
    og_url = next((c for _, c in _meta(tree, ("og:url",))), None)
    objects = _json_ld(tree)
    main_obj = _main_article(objects, canonical or og_url)
    meta.url = canonical or og_url or (_address(main_obj.get("url")) if main_obj else None) or fallback_url
    _kind_of_page(tree, main_obj, meta)

    # ---- outlet
    site = next((c for _, c in _meta(tree, ("og:site_name",))), None)
    source = "og:site_name"
    if not site and main_obj:
        site, source = _name(main_obj.get("publisher")), "structured data (publisher)"
    if not site:
        site = next((c for _, c in _meta(tree, ("application-name",))), None)
        source = "application-name"
    if site:
        meta.outlet, meta.outlet_source = normalise_outlet(site), f"{source} {site!r}"
    else:
        domain = domain_of(meta.url)
        if domain:
            meta.outlet, meta.outlet_source = domain, f"address ({domain})"

    # ---- date
    def take(raw, where: str) -> bool:
        if isinstance(raw, str) and raw.strip() and parse_date_quiet(raw.strip()):
            meta.date, meta.date_source = raw.strip(), where
            return True
        return False

    if main_obj and take(main_obj.get("datePublished"), "structured data (datePublished)"):
        return meta
    for key, content in _meta(tree, _PUBLISHED_META):
        if take(content, f"meta tag {key}"):
            return meta
    main = _main_element(tree)
    line = _dateline(main)
    if line and take(line[0], line[1]):
        return meta
    m = _URL_DATE.search(urlsplit(meta.url).path if meta.url else "")
    if m:
        y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        if take(f"{y}-{int(mo):02d}-{int(d):02d}", f"address ({meta.url})"):
            return meta
    fallbacks = []
    if main_obj:
        fallbacks += [(main_obj.get(k), f"structured data ({k})") for k in ("dateCreated", "dateModified")]
    fallbacks += [(c, f"meta tag {k}") for k, c in _meta(tree, _FALLBACK_META)]
    for raw, where in fallbacks:
        if take(raw, where):
            meta.notes.append(f"the page gives no publication date; its {where} {raw!r} was used: check the date")
            return meta
    return meta
