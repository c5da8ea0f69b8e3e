"""Synthetic Markdown articles for the benchmarks, deterministic for a given seed.

`write_article(path, sections)` writes a French-ish long article: a `#` title, a lead paragraph
that starts with `marker(sections)` (what the first-paint benchmark waits for), then `##`
sections of paragraphs with inline markup, and now and then a list, a code fence, a quote or a
`###` subsection. About 1,850 bytes a section on average: 2,000 sections ≈ 3.7 MB, 20,000 ≈ 37 MB.

`gen_library(directory, n)` writes `n` small articles, a third of them with YAML front matter.

    python benchmarks/gen_article.py OUT.md [--sections N] [--seed S]
    python benchmarks/gen_article.py --library DIR [--count N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

BYTES_PER_SECTION = 1_630

VOCABULARY = (
    "le la les des une un du de et en dans pour sur avec par mais ou donc que qui "
    "centre données électricité énergie réseau refroidissement chaleur eau serveurs calcul "
    "financement croissance puces investisseurs gouvernement garantie prêt marché revenu "
    "milliards euros expansion région commune élus associations territoire foncier projet "
    "opérateur raccordement mégawatts tarif contrat consommateurs ménages industrie nucléaire "
    "éolien solaire décarbonée bâtiment campus infrastructure rendement risque prudence "
    "débat enquête rapport étude chiffre année mois semaine été hiver forêt hôpital élève "
    "société système cœur déjà très où à ça garçon façade café résumé naïve Noël Zürich "
    "lecteur article section terminal recherche lecture document chapitre page écran"
)
WORDS = VOCABULARY.split()
# Inline markup sprinkled into sentences.
INLINE = ("**{w}**", "*{w}*", "`{w}`", "[{w}](https://exemple.fr/{n})", "_{w}_")
CODE = (
    "```python\nfor index, section in enumerate(sections):\n    print(index, section.title)\n```",
    "```sh\nreader --print article.md | less -R\n```",
    '```json\n{"titre": "Centres de données", "sections": 2000}\n```',
)


def marker(sections: int) -> str:
    """ASCII text at the start of the lead paragraph: on the first screen, not in the header."""
    return f"Banc d'essai de {sections} sections"


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 22))]
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = rng.choice(INLINE).format(w=words[i], n=n)
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice((".", ".", ".", " ?", " !", " ;"))


def _paragraph(rng: random.Random, n: int) -> str:
    return " ".join(_sentence(rng, n) for _ in range(rng.randint(2, 6)))


def _section(rng: random.Random, n: int) -> str:
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6)))
    parts = [f"## Section {n} : {title}"]
    size = len(parts[0])
    budget = int(BYTES_PER_SECTION * rng.uniform(0.6, 1.4))
    while size < budget:
        roll = rng.random()
        if roll < 0.08:
            block = "\n".join(f"- {_sentence(rng, n)}" for _ in range(rng.randint(2, 5)))
        elif roll < 0.12:
            block = "\n".join(f"{k}. {_sentence(rng, n)}" for k in range(1, rng.randint(3, 5)))
        elif roll < 0.16:
            block = rng.choice(CODE)
        elif roll < 0.20:
            block = "> « " + _paragraph(rng, n) + " »"
        elif roll < 0.23:
            block = f"### {_sentence(rng, n).rstrip('.?!; ')}"
        else:
            block = _paragraph(rng, n)
        parts.append(block)
        size += len(block.encode()) + 2
    return "\n\n".join(parts) + "\n"


def article_text(sections: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    head = (
        f"# Document de test : {sections} sections\n\n"
        f"{marker(sections)}, par Jules Banc. {_paragraph(rng, 0)}\n"
    )
    return "\n".join([head, *(_section(rng, n) for n in range(1, sections + 1))])


def write_article(path: Path, sections: int, seed: int = 1) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(article_text(sections, seed), encoding="utf-8")
    return path


def _small_article(rng: random.Random, n: int) -> str:
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 7))).capitalize()
    body = "\n\n".join(
        _paragraph(rng, n) if rng.random() < 0.8 else f"## {title} {k}" for k in range(8)
    )
    if n % 3 == 0:
        month, day = 1 + n % 12, 1 + n % 28
        return (
            f"---\ntitle: {title} {n}\nauthor: Auteur {n % 17}\ndate: 2026-{month:02}-{day:02}\n"
            f"lang: fr\ntags: [banc, essai]\n---\n\n{body}\n"
        )
    return f"# {title} {n}\n\n{body}\n"


def gen_library(directory: Path, n: int = 1000, seed: int = 1) -> Path:
    """`n` small articles (about 1 to 5 KB) in `directory`, one in three with front matter."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (directory / f"article-{i:04}.md").write_text(_small_article(rng, i), encoding="utf-8")
    return directory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--sections", type=int, default=2000)
    parser.add_argument("--library", type=Path, help="write a directory of small articles")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.library:
        gen_library(args.library, args.count, args.seed)
    elif args.out:
        path = write_article(args.out, args.sections, args.seed)
        print(f"{path}: {path.stat().st_size / 1e6:.1f} MB, {args.sections} sections")
    else:
        parser.error("give OUT or --library DIR")


if __name__ == "__main__":
    main()
