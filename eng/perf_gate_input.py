"""Reading the gate's JSON inputs, with errors that name the file and the field."""

from __future__ import annotations

import json


class GateInputError(Exception):
    """Input the gate cannot judge: a missing directory, unreadable JSON, a missing or non-numeric field."""


def read_json_object(path: str, what: str) -> dict:
    try:
        with open(path, encoding="utf-8") as stream:
            content = json.load(stream)
    except json.JSONDecodeError as error:
        raise GateInputError(f"{path}:{error.lineno}:{error.colno}: not valid JSON ({error.msg})") from error
    except OSError as error:
        raise GateInputError(f"{path}: cannot be read ({error.strerror})") from error
    if not isinstance(content, dict):
        raise GateInputError(f"{path}: expected a JSON object ({what}), found {type(content).__name__}")
    return content
