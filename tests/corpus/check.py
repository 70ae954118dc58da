#!/usr/bin/env python3
"""Consistency check of the corpus: every expectations file against the text of its document.

Usage: python3 tests/corpus/check.py [NN ...]

For each tests/corpus/expect/NN-*.json it
  - checks the JSON has the documented shape (field names, kinds, deadline forms, qualifiers);
  - extracts the document's text the way a reader would (txt in its own encoding, html without tags,
    pdf by pdftotext, doc/docx/wps by LibreOffice, xlsx from its XML);
  - checks every task `match` occurs exactly once in that text (whitespace ignored), every code,
    chapter and unit occurs, every target name, unit and numeric value occurs, every in-task target
    points at a task of its plan;
  - prints the counts of tasks and targets per plan.
It exits non-zero on an error; warnings are printed only. Standard library only (plus soffice and
pdftotext on PATH for the binary formats).
"""
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, 'docs')
EXPECT = os.path.join(HERE, 'expect')

PLAN_KINDS = {'plan', 'action_plan', 'measures', 'reply', 'notice_only'}
TASK_KINDS = {'task', 'project', 'measure', 'safeguard'}
SCOPES = {'table', 'goal_text', 'in_task'}
ATTRS = {'预期性', '约束性', ''}
QUALS = {'以上', '左右', '以内', '以下', '不低于', '不少于', '不高于', '不超过', '超过', '约', '>', '≥', '<', '≤', '力争', '达到', ''}
DEADLINE = re.compile(r'^(\d{4}-\d{2}-\d{2}|\d{4}|长期)$')
DATE = re.compile(r'^\d{4}-\d{2}-\d{2}$')


class _Strip(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.out = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ('script', 'style'):
            self.skip += 1
        if tag in ('p', 'div', 'br', 'tr', 'td', 'th', 'li', 'h1', 'h2', 'h3', 'h4'):
            self.out.append('\n')

    def handle_endtag(self, tag):
        if tag in ('script', 'style'):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def read_txt(path):
    raw = open(path, 'rb').read()
    if raw.startswith(b'\xff\xfe') or raw.startswith(b'\xfe\xff'):
        return raw.decode('utf-16')
    try:
        return raw.decode('utf-8-sig')
    except UnicodeDecodeError:
        return raw.decode('gb18030')


def soffice_txt(path):
    with tempfile.TemporaryDirectory() as tmp:
        # a private profile so a running LibreOffice does not block the conversion
        prof = 'file://' + os.path.join(tmp, 'profile')
        subprocess.run(['soffice', '-env:UserInstallation=' + prof, '--headless', '--convert-to',
                        'txt:Text (encoded):UTF8', '--outdir', tmp, path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = os.path.splitext(os.path.basename(path))[0] + '.txt'
        return open(os.path.join(tmp, base), encoding='utf-8-sig').read()


def xlsx_text(path):
    z = zipfile.ZipFile(path)
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        xml = z.read('xl/sharedStrings.xml').decode('utf-8')
        for si in re.findall(r'<si>(.*?)</si>', xml, re.S):
            shared.append(''.join(re.findall(r'<t[^>]*>(.*?)</t>', si, re.S)))
    out = []
    for name in sorted(n for n in z.namelist() if n.startswith('xl/worksheets/sheet')):
        xml = z.read(name).decode('utf-8')
        for c in re.findall(r'<c [^>]*?(?:/>|>.*?</c>)', xml, re.S):
            t = re.search(r' t="(\w+)"', c)
            v = re.search(r'<v>(.*?)</v>', c, re.S)
            if t and t.group(1) == 's' and v:
                out.append(shared[int(v.group(1))])
            elif t and t.group(1) == 'inlineStr':
                out.append(''.join(re.findall(r'<t[^>]*>(.*?)</t>', c, re.S)))
            elif v:
                out.append(v.group(1))
    return html.unescape('\n'.join(out))


def extract(path):
    ext = os.path.splitext(path)[1].lower()
    if ext == '.txt':
        return read_txt(path)
    if ext == '.html':
        p = _Strip()
        p.feed(read_txt(path))
        return ''.join(p.out)
    if ext == '.pdf':
        return subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'], check=True,
                              capture_output=True).stdout.decode('utf-8')
    if ext in ('.doc', '.docx', '.wps'):
        return soffice_txt(path)
    if ext == '.xlsx':
        return xlsx_text(path)
    raise ValueError('unknown format ' + ext)


def norm(s):
    return re.sub(r'\s+', '', s)


def check(path):
    errors, warns = [], []
    name = os.path.basename(path)
    try:
        exp = json.load(open(path, encoding='utf-8'))
    except Exception as e:  # noqa: BLE001
        return [f'{name}: JSON does not parse: {e}'], [], None
    for k in ('file', 'kind', 'notes', 'plans'):
        if k not in exp:
            errors.append(f'{name}: missing {k}')
    doc = os.path.join(DOCS, exp.get('file', ''))
    if not os.path.isfile(doc):
        return errors + [f'{name}: no document {exp.get("file")}'], warns, None
    if os.path.splitext(exp['file'])[0] != os.path.splitext(name)[0]:
        errors.append(f'{name}: file {exp["file"]} does not share the slug')
    text = norm(extract(doc))
    counts = []
    for pi, plan in enumerate(exp['plans']):
        where = f'{name} plan {pi + 1}'
        for k in ('title', 'docNumber', 'issuer', 'issued', 'periodStart', 'periodEnd', 'kind', 'tasks',
                  'targets', 'notTargets'):
            if k not in plan:
                errors.append(f'{where}: missing {k}')
        if plan.get('kind') not in PLAN_KINDS:
            errors.append(f'{where}: kind {plan.get("kind")}')
        if plan.get('issued') is not None and not DATE.match(plan['issued']):
            errors.append(f'{where}: issued {plan["issued"]}')
        for k in ('title', 'docNumber', 'issuer'):
            v = plan.get(k)
            if v and norm(v) not in text:
                (errors if k == 'docNumber' else warns).append(f'{where}: {k} not in text: {v}')
        matches = set()
        for t in plan.get('tasks', []):
            m = t.get('match', '')
            tw = f'{where} task {m!r}'
            for k in ('match', 'code', 'chapter', 'kind', 'leadUnits', 'responsibleUnits', 'deadline'):
                if k not in t:
                    errors.append(f'{tw}: missing {k}')
            if m in matches:
                errors.append(f'{tw}: match repeated in plan')
            matches.add(m)
            if not 8 <= len(m) <= 20:
                warns.append(f'{tw}: match length {len(m)}')
            n = text.count(norm(m))
            if n == 0:
                errors.append(f'{tw}: match not in text')
            elif n > 1:
                errors.append(f'{tw}: match occurs {n} times')
            if t.get('kind') not in TASK_KINDS:
                errors.append(f'{tw}: kind {t.get("kind")}')
            for k in ('code', 'chapter'):
                if t.get(k) and norm(t[k]) not in text:
                    errors.append(f'{tw}: {k} not in text: {t[k]}')
            for u in t.get('leadUnits', []) + t.get('responsibleUnits', []):
                if norm(u) not in text:
                    errors.append(f'{tw}: unit not in text: {u}')
            if len(set(t.get('leadUnits', []) + t.get('responsibleUnits', []))) != \
                    len(t.get('leadUnits', []) + t.get('responsibleUnits', [])):
                warns.append(f'{tw}: a unit is listed twice')
            d = t.get('deadline')
            if d is not None and not DEADLINE.match(d):
                errors.append(f'{tw}: deadline {d}')
        keys = set()
        for g in plan.get('targets', []):
            gw = f'{where} target {g.get("name")!r}'
            for k in ('name', 'unit', 'scope', 'attribute', 'category', 'baseline', 'milestones',
                      'responsibleUnits', 'task'):
                if k not in g:
                    errors.append(f'{gw}: missing {k}')
            key = (g.get('name'), g.get('task'))
            if key in keys:
                errors.append(f'{gw}: target repeated')
            keys.add(key)
            if norm(g.get('name', '')) not in text:
                warns.append(f'{gw}: name not in text as written')
            if g.get('unit') and norm(g['unit']) not in text:
                errors.append(f'{gw}: unit not in text')
            if g.get('scope') not in SCOPES:
                errors.append(f'{gw}: scope {g.get("scope")}')
            if g.get('attribute') not in ATTRS:
                errors.append(f'{gw}: attribute {g.get("attribute")}')
            if g.get('category') and norm(g['category']) not in text:
                errors.append(f'{gw}: category not in text')
            b = g.get('baseline')
            if b is not None:
                if not isinstance(b.get('year'), int) or norm(str(b.get('value'))) not in text:
                    errors.append(f'{gw}: baseline {b}')
            if not g.get('milestones'):
                errors.append(f'{gw}: no milestones')
            for ms in g.get('milestones', []):
                if not isinstance(ms.get('year'), int):
                    errors.append(f'{gw}: milestone year {ms}')
                if ms.get('qualifier') not in QUALS:
                    errors.append(f'{gw}: qualifier {ms.get("qualifier")}')
                if not isinstance(ms.get('cumulative'), bool):
                    errors.append(f'{gw}: cumulative {ms}')
                if norm(str(ms.get('value', ''))) not in text:
                    errors.append(f'{gw}: value not in text: {ms.get("value")}')
            for u in g.get('responsibleUnits', []):
                if norm(u) not in text:
                    errors.append(f'{gw}: unit not in text: {u}')
            if g.get('scope') == 'in_task':
                if g.get('task') not in matches:
                    errors.append(f'{gw}: task {g.get("task")!r} is no task of the plan')
            elif g.get('task') is not None:
                errors.append(f'{gw}: task set but scope is {g.get("scope")}')
        for nt in plan.get('notTargets', []):
            if norm(nt) not in text:
                errors.append(f'{where}: notTarget not in text: {nt}')
        counts.append((plan.get('title'), len(plan.get('tasks', [])), len(plan.get('targets', []))))
    return errors, warns, counts


def main():
    sel = sys.argv[1:]
    files = sorted(f for f in os.listdir(EXPECT) if f.endswith('.json'))
    if sel:
        files = [f for f in files if f[:2] in sel]
    bad = 0
    total_t = total_g = 0
    for f in files:
        errors, warns, counts = check(os.path.join(EXPECT, f))
        for w in warns:
            print('  warn:', w)
        for e in errors:
            print('  ERROR:', e)
        bad += len(errors)
        for title, nt, ng in counts or []:
            print(f'{f}: {nt} tasks, {ng} targets — {title}')
            total_t += nt
            total_g += ng
    print(f'total: {total_t} tasks, {total_g} targets, {bad} errors')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
