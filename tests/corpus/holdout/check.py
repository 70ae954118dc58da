#!/usr/bin/env python3
"""Checks the hold-out corpus against itself: every expect/*.json parses and has the agreed shape, its document
opens and keeps its text, every task `match` occurs exactly once in the document's text (spaces and line breaks
ignored), every unit name occurs in it (target names not written as such are listed as notes), and every in-task target names a task of its plan.
Prints per-document counts. Needs pdftotext (for .pdf) and soffice (for .doc); standard library otherwise.

    python3 tests/corpus/holdout/check.py
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PLAN_KINDS = {'plan', 'action_plan', 'measures', 'reply', 'notice_only'}
TASK_KINDS = {'task', 'project', 'measure', 'safeguard'}
SCOPES = {'table', 'goal_text', 'in_task'}
QUALIFIERS = {'', '以上', '左右', '以内', '不低于', '超过', '>'}
DEADLINE = re.compile(r'^(\d{4}-\d{2}-\d{2}|\d{4}|长期)$')


def xml_text(xml):
    xml = re.sub(r'</w:p>|</a:p>|<w:br/>|</row>|</si>', '\n', xml)
    xml = re.sub(r'</w:tc>|</c>', '\t', xml)
    text = re.sub(r'<[^>]+>', '', xml)
    return (text.replace('&lt;', '<').replace('&gt;', '>').replace('&quot;', '"').replace('&apos;', "'").replace('&amp;', '&'))


def doc_text(path):
    ext = path.rsplit('.', 1)[-1].lower()
    if ext == 'txt':
        raw = open(path, 'rb').read()
        if raw.startswith(b'\xef\xbb\xbf'):
            return raw[3:].decode('utf-8')
        try:
            return raw.decode('utf-8')
        except UnicodeDecodeError:
            return raw.decode('gb18030')
    if ext == 'docx':
        with zipfile.ZipFile(path) as z:
            return xml_text(z.read('word/document.xml').decode('utf-8'))
    if ext == 'xlsx':
        with zipfile.ZipFile(path) as z:
            parts = [n for n in z.namelist() if n == 'xl/sharedStrings.xml' or n.startswith('xl/worksheets/sheet')]
            return '\n'.join(xml_text(z.read(n).decode('utf-8')) for n in sorted(parts))
    if ext == 'pdf':
        return subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'], check=True, capture_output=True).stdout.decode('utf-8')
    if ext == 'doc':
        with tempfile.TemporaryDirectory() as d:
            subprocess.run(['soffice', '--headless', f'-env:UserInstallation=file://{d}/profile', '--convert-to',
                            'txt:Text (encoded):UTF8', '--outdir', d, path], check=True, capture_output=True)
            out = os.path.join(d, os.path.basename(path)[:-4] + '.txt')
            return open(out, encoding='utf-8-sig').read()
    raise SystemExit(f'unknown type: {path}')


def squash(s):
    return re.sub(r'\s+', '', s)


def main():
    problems = []
    notes = []
    rows = []
    for name in sorted(os.listdir(os.path.join(HERE, 'expect'))):
        if not name.endswith('.json'):
            continue
        exp = json.load(open(os.path.join(HERE, 'expect', name), encoding='utf-8'))
        doc = os.path.join(HERE, 'docs', exp['file'])
        if name[:-5] != exp['file'].rsplit('.', 1)[0]:
            problems.append(f'{name}: file {exp["file"]} does not match the expectation name')
        if not os.path.exists(doc):
            problems.append(f'{name}: missing {doc}')
            continue
        text = squash(doc_text(doc))
        if len(text) < 500:
            problems.append(f'{name}: document text is short ({len(text)} chars)')
        say = lambda m: problems.append(f'{name}: {m}')
        for plan in exp['plans']:
            for k in ('title', 'docNumber', 'issuer', 'issued', 'periodStart', 'periodEnd', 'kind', 'tasks', 'targets', 'notTargets'):
                if k not in plan:
                    say(f'plan lacks {k}')
            if plan['kind'] not in PLAN_KINDS:
                say(f'plan kind {plan["kind"]}')
            if squash(plan['title']) not in text:
                say(f'title not in text: {plan["title"]}')
            if plan['docNumber'] and squash(plan['docNumber']) not in text:
                say(f'docNumber not in text: {plan["docNumber"]}')
            if plan['issued'] and not re.match(r'^\d{4}-\d{2}-\d{2}$', plan['issued']):
                say(f'issued {plan["issued"]}')
            matches = set()
            for t in plan['tasks']:
                m = t['match']
                if not 6 <= len(m) <= 20:
                    say(f'match length {len(m)}: {m}')
                n = text.count(squash(m))
                if n != 1:
                    say(f'task match found {n} times: {m}')
                if m in matches:
                    say(f'duplicate match {m}')
                matches.add(m)
                if t['kind'] not in TASK_KINDS:
                    say(f'task kind {t["kind"]}')
                if t['deadline'] is not None and not DEADLINE.match(t['deadline']):
                    say(f'deadline {t["deadline"]}')
                if t['chapter'] and squash(t['chapter']) not in text:
                    say(f'chapter not in text: {t["chapter"]}')
                for u in t['leadUnits'] + t['responsibleUnits']:
                    if squash(u) not in text:
                        say(f'unit not in text: {u}')
                for k in ('code', 'chapter', 'leadUnits', 'responsibleUnits', 'deadline'):
                    if k not in t:
                        say(f'task {m} lacks {k}')
            for g in plan['targets']:
                if squash(g['name']) not in text:
                    notes.append(f'{name}: target name not written as such (derived): {g["name"]}')
                if g['scope'] not in SCOPES:
                    say(f'scope {g["scope"]}')
                if g['attribute'] not in ('预期性', '约束性', ''):
                    say(f'attribute {g["attribute"]}')
                if (g['scope'] == 'in_task') != (g['task'] is not None):
                    say(f'target {g["name"]}: scope and task disagree')
                if g['task'] is not None and g['task'] not in matches:
                    say(f'target {g["name"]}: task {g["task"]} is not a task match')
                if not g['milestones']:
                    say(f'target {g["name"]} has no milestone')
                for ms in g['milestones']:
                    if ms['qualifier'] not in QUALIFIERS:
                        say(f'target {g["name"]}: qualifier {ms["qualifier"]}')
                    if not isinstance(ms['year'], int) or not isinstance(ms['cumulative'], bool) or not isinstance(ms['value'], str):
                        say(f'target {g["name"]}: milestone shape')
                b = g['baseline']
                if b is not None and (not isinstance(b.get('year'), int) or not isinstance(b.get('value'), str)):
                    say(f'target {g["name"]}: baseline shape')
                for u in g['responsibleUnits']:
                    if squash(u) not in text:
                        say(f'target unit not in text: {u}')
            for nt in plan['notTargets']:
                if squash(nt) not in text:
                    say(f'notTarget not in text: {nt}')
            kinds = {}
            for t in plan['tasks']:
                kinds[t['kind']] = kinds.get(t['kind'], 0) + 1
            scopes = {}
            for g in plan['targets']:
                scopes[g['scope']] = scopes.get(g['scope'], 0) + 1
            rows.append((exp['file'], plan['title'][:24], len(plan['tasks']), kinds, len(plan['targets']), scopes))
    for f, title, nt, kinds, ng, scopes in rows:
        print(f'{f:40} {title:26} tasks {nt:3} {kinds}  targets {ng:3} {scopes}')
    print(f'total: {len(rows)} plans, {sum(r[2] for r in rows)} tasks, {sum(r[4] for r in rows)} targets')
    for n in notes:
        print('NOTE', n)
    for p in problems:
        print('PROBLEM', p)
    sys.exit(1 if problems else 0)


main()
