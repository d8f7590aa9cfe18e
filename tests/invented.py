"""Short invented news articles for tests that need many (the report of a folder)."""

from __future__ import annotations

from pathlib import Path

PEOPLE = [
    ("Mayor", "Elena Marsh", "she"),
    ("Senator", "Paul Okafor", "he"),
    ("Governor", "Ruth Alvarez", "she"),
    ("Police Chief", "Daniel Reyes", "he"),
    ("Judge", "Miriam Katz", "she"),
    ("Coach", "Theo Lindqvist", "he"),
    ("Professor", "Amara Nwosu", "she"),
    ("Councilman", "Victor Osei", "he"),
    ("Director", "Hana Sato", "she"),
    ("Minister", "Karl Brandt", "he"),
]
TOPICS = [
    "the new library",
    "the river dam",
    "the school budget",
    "the night bus line",
    "the harbor cranes",
    "the city stadium",
    "the water tariffs",
    "the hospital wing",
    "the tram tunnel",
    "the public archive",
]


def article(n: int) -> str:
    """The n-th invented article: a headline, a reported claim, a direct quote and a sourced figure."""
    title, name, pronoun = PEOPLE[n % len(PEOPLE)]
    _, other, _ = PEOPLE[(n + 3) % len(PEOPLE)]
    topic = TOPICS[(n * 7) % len(TOPICS)]
    return (
        f"Plans for {topic.title()} Draw Fire\n\n"
        f"{title} {name} said on Monday that work on {topic} would start in the spring.\n\n"
        f"“We have waited long enough, and the money is there,” {pronoun} told reporters.\n\n"
        f"{other} warned that the cost could double before the end of the year.\n\n"
        f"According to the city planning office, {n + 12} firms have asked for the tender documents.\n"
    )


def write_folder(folder: Path, count: int = 20) -> list[Path]:
    """``count`` invented articles as .txt files in ``folder``, in name order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"article_{n:02d}.txt"
        path.write_text(article(n), encoding="utf-8")
        paths.append(path)
    return paths
