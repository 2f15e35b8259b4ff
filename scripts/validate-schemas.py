#!/usr/bin/env python3
"""Checks YAML files against Reelsmith's JSON Schemas with a validator Reelsmith did not write
(Python's `jsonschema`, draft 2020-12), for the tests of issue 13.

  validate-schemas.py --meta SCHEMA.json...        each schema against the 2020-12 meta-schema
  validate-schemas.py SCHEMA.json FILE.yaml...     each file against the schema

Prints one JSON object per line: {"file": …, "valid": true|false, "errors": [{"path": …, "message": …}]}.
The YAML is read as yaml-language-server reads it by default (YAML 1.2 core schema): `2026-11-20`
and `yes` stay text, as they do in the editor.
"""
import json
import re
import sys

import jsonschema
import yaml


class Yaml12CoreLoader(yaml.SafeLoader):
    """PyYAML speaks YAML 1.1; these resolvers are the 1.2 core schema's."""


Yaml12CoreLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Yaml12CoreLoader.add_implicit_resolver(tag, re.compile(pattern), list(first))


def _int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


Yaml12CoreLoader.add_constructor("tag:yaml.org,2002:int", _int)


def main(arguments):
    if arguments and arguments[0] == "--meta":
        for path in arguments[1:]:
            with open(path, encoding="utf-8") as handle:
                schema = json.load(handle)
            errors = []
            try:
                jsonschema.Draft202012Validator.check_schema(schema)
            except jsonschema.SchemaError as error:
                errors.append({"path": list(error.path), "message": error.message})
            print(json.dumps({"file": path, "valid": not errors, "errors": errors}))
        return 0
    schema_path, files = arguments[0], arguments[1:]
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    for path in files:
        try:
            with open(path, encoding="utf-8-sig") as handle:
                document = yaml.load(handle, Loader=Yaml12CoreLoader)
        except (UnicodeDecodeError, yaml.YAMLError) as error:
            message = f"not a YAML document: {error}"[:300]
            print(json.dumps({"file": path, "valid": False, "errors": [{"path": [], "message": message}]}))
            continue
        errors = [
            {"path": [str(part) for part in error.absolute_path], "message": error.message[:300]}
            for error in validator.iter_errors(document)
        ]
        print(json.dumps({"file": path, "valid": not errors, "errors": errors}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
