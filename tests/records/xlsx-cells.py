#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""xlsx-cells.py FILE — every cell of every sheet of an .xlsx file as "SHEET<TAB>REF<TAB>TYPE<TAB>
VALUE" lines, read with the standard library only (an independent reader for the export tests).
TYPE is s (text), n (number), b (boolean), f (a formula, which no export may contain)."""
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}


def main():
    z = zipfile.ZipFile(sys.argv[1])
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
            shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
    book = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    targets = {r.get('Id'): r.get('Target') for r in rels}
    for sheet in book.find('m:sheets', NS):
        name = sheet.get('name')
        target = targets[sheet.get('{%s}id' % NS['r'])]
        root = ET.fromstring(z.read('xl/' + target.lstrip('/').replace('xl/', '')))
        for c in root.iter('{%s}c' % NS['m']):
            ref, kind = c.get('r'), c.get('t', 'n')
            if c.find('m:f', NS) is not None:
                kind, value = 'f', c.find('m:f', NS).text
            elif kind == 's':
                value = shared[int(c.find('m:v', NS).text)]
            elif kind == 'inlineStr':
                kind, value = 's', ''.join(t.text or '' for t in c.iter('{%s}t' % NS['m']))
            else:
                v = c.find('m:v', NS)
                value = v.text if v is not None else ''
            print('%s\t%s\t%s\t%s' % (name, ref, kind, value.replace('\n', '\\n')))


if __name__ == '__main__':
    main()
