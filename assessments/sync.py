"""
Load the question bank file into the database, idempotently (see catalog.sync for the rules).

Questions are matched by key and their choices by position. A question missing from the file is
never deleted: with `prune=True` it is retired (made inactive), so past attempts keep it.
Every knowledge check gets the site's own "I don't know" choice after the written ones; the
file never lists it. `verify_code` and `source` stay in the file: they are for the tests and
the reviewers, not the site. Calibrated parameters live in the database only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from assessments.models import DONT_KNOW_LABEL, Choice, Question, QuestionKind
from catalog.models import Skill
from catalog.sync import SyncReport, _upsert

QUESTIONS_FILE = Path(__file__).resolve().parent / "data" / "questions.json"
QUESTION_FIELDS = ["kind", "context_field", "difficulty", "order", "text", "help", "explanation"]
OPTIONAL_FIELDS = {"level": None, "discrimination": None}


def load_file(path: Path = QUESTIONS_FILE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def check_correct_choices(kind: str, correct_count: int) -> None:
    if kind == QuestionKind.KNOWLEDGE and correct_count != 1:
        raise ValidationError("A knowledge check needs exactly one correct choice.")
    if kind != QuestionKind.KNOWLEDGE and correct_count:
        raise ValidationError("Only knowledge checks have a correct choice.")


@transaction.atomic
def sync_questions(data: dict[str, Any], *, prune: bool = False) -> SyncReport:
    report = SyncReport()
    skills = {skill.slug: skill for skill in Skill.objects.all()}
    keys = set()
    for item in data["questions"]:
        keys.add(item["key"])
        values = {name: item[name] for name in QUESTION_FIELDS}
        values.update({name: item.get(name, default) for name, default in OPTIONAL_FIELDS.items()})
        values["context_field"] = item["context_field"] or ""
        values["skill"] = skills[item["skill"]] if item["skill"] else None
        values["is_active"] = True
        check_correct_choices(item["kind"], sum(1 for c in item["choices"] if c["correct"]))
        question = _upsert(
            Question, {"key": item["key"]}, values, f"question {item['key']}", report
        )
        _sync_choices(question, item["choices"], report)

    for question in Question.objects.active().exclude(key__in=keys):
        if prune:
            question.is_active = False
            question.save(update_fields=["is_active"])
            report.removed.append(f"question {question.key} (retired)")
        else:
            report.would_remove.append(f"question {question.key}")
    return report


def ensure_dont_know_choice(question: Question) -> bool:
    """Give a knowledge check its "I don't know" choice, after the others; True if added."""
    if question.kind != QuestionKind.KNOWLEDGE:
        return False
    last = question.choices.filter(is_dont_know=False).order_by("-order").first()
    order = (last.order if last else 0) + 1
    dont_know = question.choices.filter(is_dont_know=True).first()
    if dont_know is None:
        Choice.objects.create(
            question=question, label=DONT_KNOW_LABEL, value="", order=order, is_dont_know=True
        )
        return True
    if dont_know.order != order:
        dont_know.order = order
        dont_know.save(update_fields=["order"])
    return False


def _sync_choices(question: Question, items: list[dict[str, Any]], report: SyncReport) -> None:
    existing = list(question.choices.filter(is_dont_know=False).order_by("order", "pk"))
    for order, item in enumerate(items, start=1):
        values = {"label": item["label"], "value": item["value"], "is_correct": item["correct"]}
        if order <= len(existing):
            choice = existing[order - 1]
            changed = [name for name, value in values.items() if getattr(choice, name) != value]
            if changed or choice.order != order:
                for name, value in values.items():
                    setattr(choice, name, value)
                choice.order = order
                choice.save()
                report.updated.append(f"choice {order} of {question.key}")
            else:
                report.unchanged += 1
        else:
            Choice.objects.create(question=question, order=order, **values)
            report.created.append(f"choice {order} of {question.key}")
    for extra in existing[len(items) :]:
        if extra.answers.exists():
            report.would_remove.append(f"choice {extra.order} of {question.key} (answered)")
        else:
            extra.delete()
            report.removed.append(f"choice {extra.order} of {question.key}")
    if ensure_dont_know_choice(question):
        report.created.append(f'the "I don\'t know" choice of {question.key}')
    elif question.kind == QuestionKind.KNOWLEDGE:
        report.unchanged += 1
