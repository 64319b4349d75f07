"""Main text of web pages: trafilatura (kgbuild.read.article) against our old stripper (kgbuild.read.html).

Makes 20 pages at run time, never stored: corpus articles (``../shared/corpus``) wrapped in the
boilerplate of real news sites (a cookie banner, a nav menu, a share bar, figure captions, related
links, a newsletter box, comments, a footer), in four different site layouts. For each extractor it
prints the boilerplate words kept (words of the wrapping that reach the text) and the article words
lost (words of the article missing from the text), summed over the pages, with the time per page.

    .venv/bin/python bench/html_extraction.py
"""

from __future__ import annotations

import gzip
import html
import json
import re
import time
from collections import Counter
from pathlib import Path

from kgbuild.read.article import extract_article
from kgbuild.read.html import html_to_text

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

NAV = ["Home", "World", "Politics", "Business", "Technology", "Science", "Health", "Sport", "Culture", "Opinion",
       "Travel", "Video", "Podcasts", "Newsletters", "Sign in", "Subscribe"]
RELATED = ["Storm batters northern coast as thousands lose power", "Markets slide after surprise rate decision",
           "Ten recipes for a quick weeknight dinner", "The best phones of the year, ranked by our experts",
           "Opinion: why the city needs more buses, not more roads"]
COMMENTS = ["Great article, thanks for covering this.", "I don't agree with any of it, to be honest.",
            "Does anyone know when the next meeting is?", "This is exactly what I said last week!"]


def boilerplate_around(article: list[str], title: str, layout: int) -> tuple[str, str]:
    """A whole page for the article, and the boilerplate's own text (to count what leaks)."""
    nav = "".join(f'<li><a href="/{w.lower().replace(" ", "-")}">{w}</a></li>' for w in NAV)
    cookie = ('<div class="cookie-banner" id="consent"><p>We use cookies and similar technologies to improve '
              'your experience, measure audiences and show personalised ads. By clicking Accept you agree.</p>'
              '<button>Accept all</button><button>Manage preferences</button></div>')
    share = '<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Email this story</a></div>'
    related = "".join(f'<li><a href="/story/{i}">{t}</a></li>' for i, t in enumerate(RELATED))
    comments = "".join(f'<div class="comment"><span class="user">reader{i}</span><p>{c}</p></div>' for i, c in enumerate(COMMENTS))
    newsletter = '<div class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our free newsletter, delivered every weekday.</p></div>'
    footer = ('<footer><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>'
              '<li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul>'
              '<p>Copyright 2024 The Daily Planet Media Group. All rights reserved.</p></footer>')
    caption = '<figure><img src="/photo.jpg" alt=""><figcaption>File photo. Photograph: Agency staff</figcaption></figure>'
    paragraphs = [f"<p>{html.escape(p)}</p>" for p in article]
    if len(paragraphs) > 3:
        paragraphs.insert(2, caption)
        if layout % 2:
            paragraphs.insert(4, '<aside class="inline-related"><h4>Read more</h4><a href="/story/9">Ten recipes for a quick weeknight dinner</a></aside>')
    byline = '<p class="byline">By Lois Lane, Political Correspondent</p><time datetime="2024-05-02">2 May 2024</time>'
    body = f"<h1>{html.escape(title)}</h1>{byline}{share}{''.join(paragraphs)}{share}"
    shells = [
        f'<header><nav class="main-nav"><ul>{nav}</ul></nav></header>{cookie}<main><article>{body}</article>'
        f'<aside class="related"><h2>Most read</h2><ul>{related}</ul></aside><section class="comments"><h2>Comments</h2>{comments}</section></main>{newsletter}{footer}',
        f'{cookie}<div id="top"><div class="menu">{"".join(f"<a href=/x>{w}</a> " for w in NAV)}</div></div>'
        f'<div id="content"><div class="story">{body}</div><div class="sidebar"><h3>Trending</h3><ul>{related}</ul>{newsletter}</div></div>'
        f'<div id="disqus_thread">{comments}</div><div id="footer">{footer}</div>',
        f'<nav><ul>{nav}</ul></nav><div class="container"><div class="row"><div class="col-8"><div class="post-content">{body}</div>'
        f'<div class="tags">Tags: politics, world, talks</div></div><div class="col-4"><ul class="related-posts">{related}</ul></div></div></div>'
        f'<div class="comments-area">{comments}</div>{cookie}{footer}',
        f'<header>{cookie}<nav role="navigation"><ul>{nav}</ul></nav></header><div role="main"><div class="article-body" itemprop="articleBody">{body}</div>'
        f'<section class="more"><h2>More from World</h2><ul>{related}</ul></section>{newsletter}</div><section id="comments">{comments}</section>{footer}',
    ]
    page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | The Daily Planet</title>'
            f'<meta property="og:site_name" content="The Daily Planet"><script>window.dataLayer=[];</script>'
            f'<style>body{{font-family:serif}}</style></head><body>{shells[layout % 4]}</body></html>')
    article_text = " ".join([title, *article])
    full = html_to_text(page)[0]
    return page, article_text, full


def pages(n: int = 20) -> list[tuple[str, str, str]]:
    made = []
    files = sorted(CORPUS.glob("*.jsonl.gz"))
    for path in files:
        taken = 0
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                paragraphs = [p.strip() for p in record["text"].split("\n\n") if p.strip()]
                if len(paragraphs) < 3:  # CNN/DailyMail has no paragraph breaks: three sentences a paragraph
                    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", record["text"])
                    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
                if len(paragraphs) < 3 or len(record["text"].split()) < 120:
                    continue
                made.append(boilerplate_around(paragraphs[:25], record.get("title") or paragraphs[0][:60], len(made)))
                taken += 1
                if taken == -(-n // len(files)):
                    break
        if len(made) >= n:
            break
    return made[:n]


def words(text: str) -> Counter:
    return Counter(w.lower() for w in WORD.findall(text))


def main() -> None:
    if not CORPUS.exists():
        raise SystemExit(f"no corpus at {CORPUS}")
    made = pages()
    print(f"{len(made)} pages made from corpus articles, four site layouts")
    extractors = {
        "old stripper (kgbuild.read.html)": lambda page: html_to_text(page)[0],
        "trafilatura (kgbuild.read.article)": lambda page: (extract_article(page) or type("A", (), {"text": ""})).text,
    }
    print(f"{'extractor':36} {'boilerplate words kept':>24} {'article words lost':>20} {'pages lost':>11} {'ms/page':>8}")
    for name, extract in extractors.items():
        kept = lost = boiler_total = article_total = empty = 0
        started = time.perf_counter()
        for page, article, full in made:
            text = words(extract(page))
            expected = words(article)
            boiler = words(full) - expected  # the wrapping's words (beyond those the article has)
            boiler_total += sum(boiler.values())
            article_total += sum(expected.values())
            kept += sum(((text - expected) & boiler).values())
            lost += sum((expected - text).values())
            empty += not text
        ms = (time.perf_counter() - started) * 1000 / len(made)
        print(f"{name:36} {kept:>6} of {boiler_total:<6} ({kept / boiler_total:5.1%}) {lost:>6} of {article_total:<6} "
              f"({lost / article_total:4.1%}) {empty:>4} {ms:>8.1f}")


if __name__ == "__main__":
    main()
