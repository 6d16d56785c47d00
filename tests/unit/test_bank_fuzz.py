"""A short run of the fuzzer (bench/fuzz_inputs.py) in the suite: the long one is in bench/.

Inputs are mutated real banks and import fixtures; whatever they hold, the loader ends in a
BankError and an importer in ImportFailed (or a bank that loads back), never anything else.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from fuzz_inputs import FORMATS, make, run


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1))
def test_fuzzed_input_ends_in_the_targets_own_error_or_a_loadable_bank(fmt: str, seed: int) -> None:
    data = make(fmt, random.Random(seed), max_bytes=64 * 1024)
    outcome = run(fmt, data)
    assert outcome.kind in ("ok", "refused"), outcome.detail
