"""The question bank file holds what a measuring instrument needs: counts, balance, true keys."""

import collections
import os
import re
import subprocess
import sys

import pytest

from assessments.sync import load_file

BANK = load_file()["questions"]
CHECKS = [item for item in BANK if item["kind"] == "knowledge"]
SKILLS = sorted({item["skill"] for item in BANK if item["kind"] == "self_rating"})
# Names that changed; the bank must use the new ones (the old may follow "formerly").
RENAMED = {
    r"(?<!Run )\bCloud Functions\b": "Cloud Run functions",
    r"(?<!formerly )(?<!\(formerly )\bVertex AI\b": "Gemini Enterprise Agent Platform",
    r"\bAzure AI services\b": "Foundry Tools",
    r"\bAzure AI Studio\b": "Microsoft Foundry",
}


def keyed(item) -> str:
    return next(choice["label"] for choice in item["choices"] if choice["correct"])


def test_every_skill_has_at_least_eight_checks_written_for_levels_2_to_5():
    assert len(CHECKS) >= 112
    for skill in SKILLS:
        levels = collections.Counter(item["level"] for item in CHECKS if item["skill"] == skill)
        assert sum(levels.values()) >= 8, skill
        assert all(levels[level] for level in (2, 3, 4, 5)), (skill, levels)


def test_each_difficulty_sits_on_the_level_scale_at_or_below_its_level():
    for item in CHECKS:
        assert item["level"] - 0.75 <= item["difficulty"] <= item["level"], item["key"]


def test_no_position_holds_more_than_35_percent_of_the_keys():
    positions = collections.Counter(
        next(n for n, choice in enumerate(item["choices"]) if choice["correct"]) for item in CHECKS
    )
    assert max(positions.values()) / len(CHECKS) <= 0.35, positions


def test_the_longest_choice_is_the_key_in_at_most_30_percent_of_checks():
    longest = [
        item
        for item in CHECKS
        if len(keyed(item)) == max(len(choice["label"]) for choice in item["choices"])
    ]
    assert len(longest) / len(CHECKS) <= 0.30


def test_each_check_has_four_distinct_choices_one_key_and_no_catch_alls():
    catch_all = re.compile(r"\b(all|none|both|neither) of (the )?(above|these)\b", re.I)
    for item in CHECKS:
        labels = [choice["label"] for choice in item["choices"]]
        assert len(labels) == len(set(labels)) == 4, item["key"]
        assert sum(choice["correct"] for choice in item["choices"]) == 1, item["key"]
        assert not any(catch_all.search(label) for label in labels), item["key"]
        assert not any("don't know" in label.lower() for label in labels), item["key"]
        assert item["explanation"], item["key"]


def test_the_bank_uses_current_product_names():
    for item in BANK:
        texts = [item["text"], item["explanation"], *(c["label"] for c in item["choices"])]
        for old, new in RENAMED.items():
            for text in texts:
                assert not re.search(old, text), f"{item['key']}: say {new!r}"


CODE_CHECKS = [item for item in CHECKS if item.get("verify_code")]


def test_most_checks_are_verified_by_running_code():
    assert len(CODE_CHECKS) >= len(CHECKS) / 2


@pytest.mark.parametrize("item", CODE_CHECKS, ids=[item["key"] for item in CODE_CHECKS])
def test_running_a_checks_code_prints_its_keyed_answer(item):
    """Each snippet the check shows (or the computation behind it) runs and prints the key."""
    result = subprocess.run(
        [sys.executable, "-c", item["verify_code"]],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == keyed(item)


def test_checks_that_cannot_be_run_name_their_source():
    for item in CHECKS:
        if not item.get("verify_code"):
            assert (item.get("source") or "").startswith("https://"), item["key"]


SHOWN_CODE = [
    item
    for item in CODE_CHECKS
    if any("print(" in span or "\n" in span for span in re.findall(r"`([^`]+)`", item["text"]))
]


@pytest.mark.parametrize("item", SHOWN_CODE, ids=[item["key"] for item in SHOWN_CODE])
def test_the_code_a_check_shows_is_the_code_that_is_run(item):
    for span in re.findall(r"`([^`]+)`", item["text"]):
        if "print(" in span or "\n" in span:
            assert span in item["verify_code"]


# What current exams weigh and the earlier bank missed; each needs checks of its own.
EXAM_TOPICS = {
    "agents and tool use": ("generative-ai", r"\b(agent|tool|function calling|MCP)\b"),
    "LLM and model evaluation": ("generative-ai", r"\b(judge|groundedness|recall@\d|eval)"),
    "Amazon Bedrock": ("aws", r"\bBedrock\b"),
    "Microsoft Foundry": ("azure", r"\bFoundry\b"),
    "Unity Catalog": ("spark-databricks", r"\bUnity Catalog\b"),
    "CI/CD for models": ("mlops", r"\b(champion|challenger|canary|shadow|rollback|alias)\b"),
    "explainability": ("responsible-ai", r"\b(SHAP|permutation importance|counterfactual)"),
    "privacy": ("responsible-ai", r"(privacy|anonymi|pseudonymi|membership inference|ε)"),
}


@pytest.mark.parametrize("topic", EXAM_TOPICS)
def test_the_topics_exams_weigh_have_checks(topic):
    skill, pattern = EXAM_TOPICS[topic]
    covering = [
        item["key"]
        for item in CHECKS
        if item["skill"] == skill
        and re.search(pattern, " ".join([item["text"], *(c["label"] for c in item["choices"])]))
    ]
    assert len(covering) >= 2, (topic, covering)
