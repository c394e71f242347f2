#!/usr/bin/env python3
"""Adds or replaces texts in the four resource files at once, keeping keys sorted.

    tools/add-strings.py new-strings.json

new-strings.json: {"Key": {"en": "...", "vi": "...", "zh-Hans": "...", "zh-Hant": "..."}, ...}
Every key needs all four cultures; the script refuses the file otherwise.
"""
import html, json, re, sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "web" / "HelpDesk.Web" / "Resources"
FILES = {"en": "Strings.resx", "vi": "Strings.vi.resx", "zh-Hans": "Strings.zh-Hans.resx", "zh-Hant": "Strings.zh-Hant.resx"}
ENTRY = re.compile(r'  <data name="([^"]+)" xml:space="preserve"><value>(.*?)</value></data>\n', re.S)

def main(path):
    new = json.loads(Path(path).read_text(encoding="utf-8"))
    for key, texts in new.items():
        missing = [c for c in FILES if not texts.get(c, "").strip()]
        if missing:
            sys.exit(f"{key}: missing {', '.join(missing)}")
    for culture, name in FILES.items():
        file = RESOURCES / name
        text = file.read_text(encoding="utf-8")
        head = text[: text.index("  <data ")]
        entries = dict(ENTRY.findall(text))
        for key, texts in new.items():
            entries[key] = html.escape(texts[culture], quote=False)
        body = "".join(f'  <data name="{k}" xml:space="preserve"><value>{entries[k]}</value></data>\n' for k in sorted(entries))
        file.write_text(head + body + "</root>\n", encoding="utf-8")
    print(f"{len(new)} keys written to {len(FILES)} files")

if __name__ == "__main__":
    main(sys.argv[1])
