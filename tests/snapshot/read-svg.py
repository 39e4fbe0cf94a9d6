"""Reads SVG files with Python's XML parser (not the project's code) and prints what the
snapshot tests check: every element's tag, every attribute that could reach outside the file,
and each text element with its position, length and effective font size."""
import json
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
result = {}
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    tags, references, texts = set(), [], []

    def walk(element, font_size):
        tag = element.tag.replace(SVG, '')
        tags.add(tag)
        for name, value in element.attrib.items():
            if 'href' in name or 'url(' in value or name == 'style' or name.startswith('on'):
                references.append(f'{tag} {name}={value}')
        font_size = float(element.get('font-size', font_size))
        if tag == 'text':
            texts.append({'text': element.text or '', 'x': float(element.get('x')), 'y': float(element.get('y')), 'length': float(element.get('textLength', '0')), 'size': font_size, 'parent': 'legend' if 'translate' in parent_transform[0] else 'graph'})
        for child in element:
            parent_transform.insert(0, element.get('transform', '') or parent_transform[0])
            walk(child, font_size)
            parent_transform.pop(0)

    parent_transform = ['']
    walk(root, 16.0)
    result[path] = {'root': root.tag, 'width': float(root.get('width')), 'height': float(root.get('height')), 'tags': sorted(tags), 'references': references, 'texts': texts, 'title': root.find(f'{SVG}title').text}
json.dump(result, sys.stdout)
