"""Mutation testing of the pure domain modules, one module at a time.

For each module this copies the project into `.mutation/<module>/` (git-ignored) and runs two
kinds of mutant against only the tests that reach that module:

- mutmut (pinned in requirements-dev.txt) mutates the code inside functions: operators,
  comparisons, numbers, strings, arguments, return values;
- a small helper here mutates what mutmut leaves alone, the module-level rule tables and
  thresholds: every number in a module-level assignment moved by +1 and by -1, and every entry
  of every dict, tuple, list or set literal there removed, one at a time. Each such mutant runs
  the module's tests once.

Surviving mutants judged equivalent (no behaviour a person could notice changes) are listed,
each with its reason, in `scripts/mutation-equivalents.md`; the kill rate leaves them out.

    python scripts/mutation.py                     # every module, then the table
    python scripts/mutation.py catalog/costs.py    # one module (earlier results are kept)
    python scripts/mutation.py --table             # the table from the results so far
    python scripts/mutation.py --survivors MODULE  # a module's survivors, with diffs
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
RESULTS = WORK / "results"
EQUIVALENTS = ROOT / "scripts" / "mutation-equivalents.md"
PROCESSES = 2

# Each module with the test files that exercise it most directly, in the order `make mutation`
# runs them. Most page tests that also reach a module (the certification, compare and plan pages)
# and the browser tests are left out: each mutant runs its tests again, and theirs would take the
# run well past half an hour on two cores.
MODULES = {
    "catalog/comparison.py": ["catalog/tests/test_certification_compare.py"],
    "catalog/costs.py": ["catalog/tests/test_costs.py"],
    "catalog/renewal.py": ["catalog/tests/test_renewal.py", "catalog/tests/test_costs.py"],
    "credentials/digest.py": ["credentials/tests/test_digest.py"],
    "plans/activity.py": ["plans/tests/test_activity.py"],
    "plans/generation.py": ["plans/tests/test_generation.py"],
    "catalog/facts.py": [
        "catalog/tests/test_facts.py",
        "catalog/tests/test_consistency.py",
        "catalog/tests/test_new_statuses_and_sources.py",
    ],
    "plans/schedule.py": ["plans/tests/test_schedule.py"],
    # The credentials page's tests (13 s a run, the database included) are left out: with them
    # this module alone took 12 minutes. The only mutants they alone killed (a state's label
    # removed from LABELS) are killed by test_renewals.py now.
    "credentials/renewals.py": [
        "credentials/tests/test_renewals.py",
        "credentials/tests/test_digest.py",
    ],
    # The adaptive test's pages, its calibration and its simulation reach this module too, but
    # they need the database and the question bank (about 28 s a run, 10 s of it building the
    # simulation's people); the unit tests alone take under a second.
    "assessments/adaptive.py": ["assessments/tests/test_adaptive.py"],
    # Its property tests (200 examples each) and the curated scenarios (the database and the
    # question bank) took each surviving mutant to 10 s and more: with them, this module alone
    # ran past half an hour. The unit tests take 2 s.
    "assessments/scoring.py": ["assessments/tests/test_scoring.py"],
}

PACKAGES = ["catalog", "assessments", "plans", "credentials", "guides", "certguide"]
ALSO_COPY = ["tests", "templates", "static", "conftest.py", "manage.py"]

KILLED = {"killed", "timeout", "segfault", "caught by type check"}
SURVIVED = {"survived", "no tests", "suspicious"}


def slug(module: str) -> str:
    return module.removesuffix(".py").replace("/", ".")


def copy_project(target: Path) -> None:
    """The project's files as they stand (tracked and new, not ignored) into `target`."""
    if target.exists():
        shutil.rmtree(target)
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def mutmut_config(module: str, tests: list[str]) -> str:
    def toml_list(items: list[str]) -> str:
        return "[" + ", ".join(json.dumps(item) for item in items) + "]"

    return (
        "\n[tool.mutmut]\n"
        f"source_paths = {toml_list(PACKAGES)}\n"
        f"only_mutate = {toml_list([module])}\n"
        f"also_copy = {toml_list(ALSO_COPY)}\n"
        f"pytest_add_cli_args_test_selection = {toml_list(tests)}\n"
        'pytest_add_cli_args = ["-p", "no:randomly"]\n'
    )


def run_mutmut(module: str, tests: list[str]) -> dict[str, str]:
    """mutmut's verdict for each mutant of `module`'s functions."""
    work = WORK / slug(module)
    copy_project(work)
    with (work / "pyproject.toml").open("a") as pyproject:
        pyproject.write(mutmut_config(module, tests))
    mutmut = [sys.executable, "-m", "mutmut"]
    subprocess.run(
        [*mutmut, "run", "--max-children", str(PROCESSES)],
        cwd=work,
        check=False,
        stdout=subprocess.DEVNULL,
    )
    listed = subprocess.run(
        [*mutmut, "results", "--all", "true"], cwd=work, capture_output=True, text=True, check=True
    ).stdout
    verdicts = {}
    for line in listed.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            verdicts[name] = status
    return verdicts


# The helper for module-level constants ------------------------------------------------------------


def _label(path: tuple[str, ...]) -> str:
    return "".join(path)


def constant_mutants(source: str) -> list[tuple[str, str]]:
    """(name, mutated source) for each module-level number moved by ±1 and each table entry
    removed."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    mutants = []
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target = statement.target
        else:
            continue
        if not isinstance(target, ast.Name) or not target.id.isupper():
            continue

        def replaced(new_statement: ast.stmt, statement: ast.stmt = statement) -> str:
            start, end = statement.lineno - 1, statement.end_lineno
            return "".join([*lines[:start], ast.unparse(new_statement) + "\n", *lines[end:]])

        for path, node in _walk(statement.value, (target.id,)):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, int | float)
                and not isinstance(node.value, bool)
            ):
                for delta in (1, -1):
                    mutated = copy.deepcopy(statement)
                    _find(mutated.value, path[1:]).value = node.value + delta
                    mutants.append((f"{_label(path)} {delta:+d}", replaced(mutated)))
            elif isinstance(node, ast.Dict | ast.Tuple | ast.List | ast.Set):
                size = len(node.keys) if isinstance(node, ast.Dict) else len(node.elts)
                for position in range(size):
                    mutated = copy.deepcopy(statement)
                    container = _find(mutated.value, path[1:])
                    if isinstance(container, ast.Dict):
                        key = ast.unparse(container.keys[position])
                        del container.keys[position], container.values[position]
                        name = f"{_label(path)} without {key}"
                    else:
                        del container.elts[position]
                        name = f"{_label(path)} without [{position}]"
                    if isinstance(container, ast.Set) and not container.elts:
                        # `{}` would be a dict: an empty set reads `set()`.
                        container = ast.Call(ast.Name("set"), [], [])
                        _replace(mutated, path[1:], container)
                    mutants.append((name, replaced(mutated)))
    return mutants


def _children(node: ast.AST):
    """(path step, child) for the parts of a value a mutant may change."""
    if isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values, strict=True):
            yield f"[{ast.unparse(key)}]", value
    elif isinstance(node, ast.Tuple | ast.List | ast.Set):
        for position, element in enumerate(node.elts):
            yield f"[{position}]", element
    elif isinstance(node, ast.Call):
        for position, argument in enumerate(node.args):
            yield f"({position})", argument
        for keyword in node.keywords:
            yield f"({keyword.arg}=)", keyword.value
    elif isinstance(node, ast.UnaryOp | ast.BinOp):
        for position, operand in enumerate(_operands(node)):
            yield f"<{position}>", operand


def _operands(node: ast.AST) -> list[ast.AST]:
    return [node.operand] if isinstance(node, ast.UnaryOp) else [node.left, node.right]


def _walk(node: ast.AST, path: tuple[str, ...]):
    yield path, node
    if isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant):
        return  # -1 is one number, moved as one below
    for step, child in _children(node):
        yield from _walk(child, (*path, step))


def _find(node: ast.AST, steps: tuple[str, ...]) -> ast.AST:
    for step in steps:
        node = dict(_children(node))[step]
    return node


def _replace(statement: ast.stmt, steps: tuple[str, ...], new: ast.AST) -> None:
    if not steps:
        statement.value = new
        return
    parent = _find(statement.value, steps[:-1])
    old = _find(statement.value, steps)
    for field, value in ast.iter_fields(parent):
        if value is old:
            setattr(parent, field, new)
        elif isinstance(value, list) and any(item is old for item in value):
            value[[id(item) for item in value].index(id(old))] = new


def run_constants(module: str, tests: list[str]) -> dict[str, str]:
    """The helper's verdict for each module-level constant mutant of `module`."""
    source = (ROOT / module).read_text()
    mutants = constant_mutants(source)
    if not mutants:
        return {}
    copies = [WORK / f"{slug(module)}.constants.{n}" for n in range(PROCESSES)]
    for work in copies:
        copy_project(work)
    free = list(copies)

    def verdict(mutant: tuple[str, str]) -> tuple[str, str]:
        name, mutated = mutant
        work = free.pop()
        try:
            (work / module).write_text(mutated)
            completed = subprocess.run(
                [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", *tests],
                cwd=work,
                capture_output=True,
                timeout=600,
                check=False,
                env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
            )
            return f"const: {name}", "survived" if completed.returncode == 0 else "killed"
        except subprocess.TimeoutExpired:
            return f"const: {name}", "timeout"
        finally:
            (work / module).write_text(source)
            free.append(work)

    with ThreadPoolExecutor(PROCESSES) as pool:
        return dict(pool.map(verdict, mutants))


# Results and the table ----------------------------------------------------------------------------


def equivalents() -> dict[str, set[str]]:
    """Mutant names listed as equivalent, by module: under "## `module`", bullets that start
    "- `name`: reason" or "- `name`, `name`: reason" (a bullet may run over several lines)."""
    found: dict[str, set[str]] = {}
    module, bullet = None, ""
    text = EQUIVALENTS.read_text() if EQUIVALENTS.exists() else ""
    for line in [*text.splitlines(), ""]:
        if bullet and (not line.startswith("  ") or not line.strip()):
            names = bullet.partition("`: ")[0] + "`"
            found.setdefault(module, set()).update(re.findall(r"`([^`]+)`", names))
            bullet = ""
        if heading := re.match(r"## `?([\w/]+\.py)`?", line):
            module = heading.group(1)
        elif module and line.startswith("- `"):
            bullet = line
        elif bullet:
            bullet += " " + line.strip()
    return found


def row(module: str, verdicts: dict[str, str], equivalent: set[str]) -> str:
    killed = sum(status in KILLED for status in verdicts.values())
    survived = [name for name, status in verdicts.items() if status in SURVIVED]
    judged = len(equivalent & set(survived))
    counted = len(verdicts) - judged
    rate = f"{100 * killed / counted:.1f} %" if counted else "–"
    return f"| `{module}` | {len(verdicts)} | {killed} | {len(survived)} | {judged} | {rate} |"


def table() -> str:
    known = equivalents()
    rows = [
        "| module | mutants | killed | survived | equivalent | kill rate, equivalents excluded |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for module in MODULES:
        path = RESULTS / f"{slug(module)}.json"
        if path.exists():
            verdicts = json.loads(path.read_text())["verdicts"]
            rows.append(row(module, verdicts, known.get(module, set())))
        else:
            rows.append(f"| `{module}` | not run | | | | |")
    return "\n".join(rows)


def survivors(module: str) -> None:
    verdicts = json.loads((RESULTS / f"{slug(module)}.json").read_text())["verdicts"]
    known = equivalents().get(module, set())
    for name, status in verdicts.items():
        if status in SURVIVED and name not in known:
            print(f"{name}: {status}")
            if not name.startswith("const: "):
                subprocess.run(
                    [sys.executable, "-m", "mutmut", "show", name],
                    cwd=WORK / slug(module),
                    check=False,
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="modules to mutate (default: all)")
    parser.add_argument("--table", action="store_true", help="print the recorded table only")
    parser.add_argument("--survivors", metavar="MODULE", help="list a module's survivors")
    parser.add_argument("--skip-constants", action="store_true", help="mutmut's mutants only")
    arguments = parser.parse_args()
    if arguments.survivors:
        survivors(arguments.survivors)
        return
    if not arguments.table:
        unknown = set(arguments.modules) - set(MODULES)
        if unknown:
            parser.error(f"not a mutated module: {', '.join(sorted(unknown))}")
        RESULTS.mkdir(parents=True, exist_ok=True)
        for module in arguments.modules or MODULES:
            tests = MODULES[module]
            started = time.monotonic()
            print(f"{module}: mutating…", file=sys.stderr, flush=True)
            verdicts = run_mutmut(module, tests)
            if not arguments.skip_constants:
                verdicts |= run_constants(module, tests)
            seconds = round(time.monotonic() - started)
            (RESULTS / f"{slug(module)}.json").write_text(
                json.dumps({"seconds": seconds, "verdicts": verdicts}, indent=1)
            )
            print(f"{module}: {len(verdicts)} mutants in {seconds} s", file=sys.stderr, flush=True)
    print(table())


if __name__ == "__main__":
    main()
