"""The measurement scripts of eval/scripts/ name only what the package has: a name moved between modules of qa
breaks a script that nothing else runs (before.py runs on the release's own checkout, so it is left out)."""

import ast
import importlib
import importlib.util
from pathlib import Path

import pytest

SCRIPTS = sorted(p for p in (Path(__file__).parents[2] / "eval" / "scripts").glob("*.py") if p.name != "before.py")


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_a_script_imports_what_the_package_has(script):
    for node in ast.walk(ast.parse(script.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "qa":
            module = importlib.import_module(node.module)
            for alias in node.names:
                found = hasattr(module, alias.name) or importlib.util.find_spec(f"{node.module}.{alias.name}")
                assert found, f"{script.name}: {node.module} has no {alias.name}"


def test_the_rule_a_check_is_kept_by():
    # plausible_answer_checks.py: shares per question, not raw counts; too few plausible answers keep no gold loss
    spec = importlib.util.spec_from_file_location("checks", SCRIPTS[0].parent / "plausible_answer_checks.py")
    checks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checks)
    assert checks.verdict(35, 17, 1674, 7613) == "yes"  # 2.1 % of unanswerable against 0.2 % of answerable
    assert checks.verdict(17, 51, 1674, 7613) == "no"  # 1.0 % against 0.7 %
    assert checks.verdict(2, 1, 1674, 7613) == "too few"
    assert checks.verdict(2, 0, 1674, 7613) == "yes"
