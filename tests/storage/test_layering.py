"""Storage is the bottom layer: importing it pulls in neither Discord nor the engine nor the bot."""

from __future__ import annotations

import subprocess
import sys


def test_storage_imports_nothing_above_it() -> None:
    code = (
        "import sys, purgebot.storage\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'discord'"
        " or m.startswith(('purgebot.quiz', 'purgebot.bot', 'purgebot.essays')))\n"
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.strip() == ""
