"""Essay feedback for a 4,000-character essay, against tokenising the same text (the floor).

Feedback reads the essay once, then finds each key point, misconception and the built-in
prompts' points (for the off-topic verdict); issue 15 wants it under 300 ms on one core.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from common import median_seconds, row  # noqa: E402
from purgebot.banks.loader import load_bank_dir  # noqa: E402
from purgebot.essays import analyse, check_essay  # noqa: E402
from purgebot.essays.offtopic import builtin_prompts  # noqa: E402

PARAGRAPH = (
    "Stalin was, in the end, the person most responsible for the purges. He used the murder of "
    "Kirov in December 1934 as a pretext, and in July 1937 he signed Order 00447, which set "
    "quotas for every region. Yezhov drew up the order and fed Stalin false evidence of plots, "
    "but I'm not sure what the local officials did. Stalin did not trust anyone, not even his "
    "oldest comrades, and with Hitler in power he feared a fifth column.\n\n"
)


# An answer to another question: every built-in prompt is tried for the off-topic verdict.
OTHER = (
    "The accused confessed because the NKVD beat them and kept them awake all night for weeks "
    "of interrogation until they broke. Kamenev was told that his son would be shot if he did "
    "not confess, and many were promised that their lives would be spared.\n\n"
)


def essay(paragraph: str = PARAGRAPH, chars: int = 4000) -> str:
    text = paragraph * (chars // len(paragraph) + 1)
    return text[:chars]


def main(quick: bool) -> list[dict[str, Any]]:
    prompt = next(
        e
        for b in load_bank_dir(ROOT / "questions")
        for e in b.essays
        if e.id == "stalin-responsibility"
    )
    builtin_prompts()  # read once at start, as the bot does: not part of one essay's time
    repeats = 5 if quick else 20
    rows = []
    for name, paragraph in (("on topic", PARAGRAPH), ("off topic", OTHER)):
        text = essay(paragraph)
        check_essay(prompt, text)  # warm the caches a running bot has warm
        floor = median_seconds(lambda: analyse(text), repeats)  # noqa: B023
        took = median_seconds(lambda: check_essay(prompt, text), repeats)  # noqa: B023
        rows.append(
            row(f"essay feedback, 4,000 chars, {name}", took * 1000, "ms", floor * 1000, "< 300 ms")
        )
    return rows


if __name__ == "__main__":
    for r in main("--quick" in sys.argv):
        print(f"{r['name']}: {r['value']:.1f} ms (floor {r['floor']:.1f} ms, {r['ratio']:.1f}x)")
