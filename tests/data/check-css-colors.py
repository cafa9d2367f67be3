#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-css-colors.py STYLE_CSS LIBADWAITA_SO — every @named colour style.css uses is one that
the libadwaita we build against defines (its stylesheets are resources inside the library, read
with `gresource`). An undefined name silently draws nothing. Exits 1 and names each unknown one."""
import re
import subprocess
import sys


def main():
    style, library = sys.argv[1], sys.argv[2]
    defined = set()
    names = subprocess.run(['gresource', 'list', library], check=True, capture_output=True,
                           text=True).stdout.split()
    for name in names:
        if name.startswith('/org/gnome/Adwaita/styles/') and name.endswith('.css'):
            css = subprocess.run(['gresource', 'extract', library, name], check=True,
                                 capture_output=True, text=True).stdout
            defined.update(re.findall(r'@define-color\s+([A-Za-z0-9_]+)', css))
    if not defined:
        print(f'{library}: no stylesheet with colours found')
        return 1
    text = open(style, encoding='utf-8').read()
    defined.update(re.findall(r'@define-color\s+([A-Za-z0-9_]+)', text))
    unknown = sorted(set(re.findall(r'@([A-Za-z_][A-Za-z0-9_]*)', text)) - defined - {'define'})
    for name in unknown:
        print(f'{style}: @{name} is not a colour of this libadwaita')
    return 1 if unknown else 0


if __name__ == '__main__':
    sys.exit(main())
