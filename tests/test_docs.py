"""Docs that cannot go stale: every CLI command and option is named in the README."""

import re
from pathlib import Path

import click
import typer.main

from spyglass.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _commands(group: click.Group, prefix: str = "spyglass") -> list[tuple[str, click.Command]]:
    found = []
    for name, cmd in group.commands.items():
        path = f"{prefix} {name}"
        if isinstance(cmd, click.Group):
            found += _commands(cmd, path)
        else:
            found.append((path, cmd))
    return found


COMMANDS = _commands(typer.main.get_group(app))


def test_every_command_is_documented() -> None:
    readme = (ROOT / "README.md").read_text()
    missing = [path for path, _ in COMMANDS if f"`{path}" not in readme and f"{path} " not in readme]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_option_is_documented() -> None:
    readme = (ROOT / "README.md").read_text()
    documented = set(re.findall(r"--[a-z][a-z0-9-]*", readme))
    missing = sorted(
        f"{path} {opt}"
        for path, cmd in COMMANDS
        for param in cmd.params
        if isinstance(param, click.Option)
        for opt in param.opts
        if opt.startswith("--") and opt != "--help" and opt not in documented
    )
    assert not missing, f"options missing from README.md: {missing}"


def test_readme_opens_with_install_and_test_commands() -> None:
    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    assert block, "README.md must open with a sh block"
    lines = [ln for ln in block.group(1).splitlines() if ln.strip()]
    assert len(lines) == 2
    assert lines[0].startswith("pip install") and "spyglass " in lines[0]
    assert "pytest" in lines[1]
