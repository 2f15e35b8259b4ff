#!/usr/bin/env python3
"""Writes reelsmith(1) from what the argument parser itself says.

Input: the JSON of `reelsmith --experimental-dump-help` (swift-argument-parser's ToolInfo, the same
description its own generate-manual tool reads) on stdin. Output: a man page in roff on stdout.
Usage: reelsmith --experimental-dump-help | manpage.py VERSION DATE > reelsmith.1
"""
import json
import sys


def roff(text):
    """Escapes text for roff: backslashes, and a leading dot or quote that would read as a request."""
    text = (text or "").replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.splitlines():
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def names(argument):
    out = []
    for name in argument.get("names", []):
        dash = "-" if name["kind"] in ("short", "longWithSingleDash") else "--"
        out.append("\\fB" + roff(dash + name["name"]) + "\\fR")
    return ", ".join(out)


def synopsis(argument):
    value = roff(argument.get("valueName", ""))
    if argument["kind"] == "positional":
        text = "\\fI" + value + "\\fR"
    elif argument["kind"] == "option":
        text = names(argument).split(", ")[-1] + " \\fI" + value + "\\fR"
    else:
        text = names(argument).split(", ")[-1]
    if argument.get("isRepeating"):
        text += " ..."
    return "[" + text + "]" if argument.get("isOptional") else text


def visible(items):
    return [item for item in items or [] if item.get("shouldDisplay", True)]


def argument_list(arguments, out, skip_help=False):
    for argument in visible(arguments):
        if skip_help and argument.get("valueName") == "help":
            continue
        if argument["kind"] == "positional":
            label = "\\fI" + roff(argument.get("valueName", "")) + "\\fR"
        else:
            label = names(argument)
            if argument["kind"] == "option":
                label += " \\fI" + roff(argument.get("valueName", "")) + "\\fR"
        out.append(".TP")
        out.append(label)
        text = argument.get("abstract", "")
        if argument.get("defaultValue") not in (None, ""):
            text += " (default: " + str(argument["defaultValue"]) + ")"
        out.append(roff(text))
        if argument.get("discussion"):
            out.append(".IP")
            out.append(roff(argument["discussion"]))


def main():
    version, date = sys.argv[1], sys.argv[2]
    tool = json.load(sys.stdin)["command"]
    name = tool["commandName"]
    out = [
        '.TH "%s" "1" "%s" "%s %s" "User Commands"' % (name.upper(), date, name, version),
        ".SH NAME",
        "%s \\- %s" % (name, roff(tool.get("abstract", ""))),
        ".SH SYNOPSIS",
        ".B %s" % name,
        "\\fICOMMAND\\fR [\\fIOPTIONS\\fR]",
    ]
    if tool.get("discussion"):
        out += [".SH DESCRIPTION", roff(tool["discussion"])]
    out.append(".SH OPTIONS")
    argument_list(tool.get("arguments"), out)
    out.append(".SH COMMANDS")
    for command in visible(tool.get("subcommands")):
        if command["commandName"] == "help":
            continue
        out.append(".SS %s %s" % (name, command["commandName"]))
        out.append(".B %s %s" % (name, command["commandName"]))
        out.append(" ".join(synopsis(a) for a in visible(command.get("arguments")) if a.get("valueName") != "help"))
        out.append(".PP")
        out.append(roff(command.get("abstract", "")))
        if command.get("discussion"):
            out.append(".PP")
            out.append(roff(command["discussion"]))
        argument_list(command.get("arguments"), out, skip_help=True)
        for sub in visible(command.get("subcommands")):
            if sub["commandName"] == "help":
                continue
            out.append(".TP")
            out.append("\\fB%s %s %s\\fR" % (name, command["commandName"], sub["commandName"]))
            out.append(roff(sub.get("abstract", "")))
    out += [
        ".SH FILES",
        ".TP",
        "\\fI/usr/share/reelsmith/\\fR",
        "Templates and example inputs that \\fBreelsmith init\\fR copies into a new project.",
        ".TP",
        "\\fI/usr/lib/systemd/user/reelsmith.service\\fR",
        "The daemon as a systemd user service, watching \\fI~/reelsmith\\fR: "
        "\\fBreelsmith init ~/reelsmith\\fR, then \\fBsystemctl \\-\\-user enable \\-\\-now reelsmith\\fR.",
        ".SH SEE ALSO",
        "\\fBffmpeg\\fR(1), \\fBespeak\\-ng\\fR(1). The README: \\fI/usr/share/doc/reelsmith/README.md.gz\\fR.",
    ]
    print("\n".join(out))


main()
