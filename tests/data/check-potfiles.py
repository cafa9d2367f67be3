#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-potfiles.py SRCDIR — po/POTFILES.in lists exactly the files with translatable strings.

A source file whose strings are marked for translation but not listed never reaches the
translators; a listed file that is gone breaks the template. Marks: _(), N_(), C_(), NC_(),
g_dngettext() and g_dpgettext2() in C; translatable="yes" in GtkBuilder files; the files of
data/ that the build translates are listed by hand and only checked to exist."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = []
for line in (root / "po" / "POTFILES.in").read_text().splitlines():
    line = line.strip()
    if line and not line.startswith("#"):
        listed.append(line)

problems = []
for name in listed:
    if not (root / name).is_file():
        problems.append(f"po/POTFILES.in lists {name}, which does not exist")
if len(set(listed)) != len(listed):
    problems.append("po/POTFILES.in lists a file twice")

c_mark = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|g_dngettext|g_dpgettext2)\s*\(\s*(?:GETTEXT_PACKAGE\s*,\s*)?"')
ui_mark = re.compile(r'translatable="yes"')
marked = set()
for path in sorted((root / "src").rglob("*.c")):
    if c_mark.search(path.read_text(encoding="utf-8")):
        marked.add(path.relative_to(root).as_posix())
for path in sorted((root / "ui").rglob("*.ui")):
    if ui_mark.search(path.read_text(encoding="utf-8")):
        marked.add(path.relative_to(root).as_posix())

for name in sorted(marked - set(listed)):
    problems.append(f"{name} has translatable strings but is not in po/POTFILES.in")
for name in sorted(n for n in set(listed) - marked if n.startswith(("src/", "ui/"))):
    problems.append(f"po/POTFILES.in lists {name}, which has no translatable string")

for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
