#!/usr/bin/env python3
"""What joins the parts of a true network the linker split (docs/linking.md, issue 33).

Reads the predictions eval.sh wrote (--out DIR: pred-N.jsonl) and the set's truth; for every true
network of a pool that the prediction splits, prints each part (cases by date: the part's predicted
network, or 'alone') with the narrative and listed entities of each case, then what the cases of
different parts share: exact written values (digits of 7+, plates, WeChat-like ids, listed names),
near misses (masked phones 138****5678 against a full phone, 尾号 against a card or phone, plates or
long numbers one character off), and the same village house.

Usage: ops/bench/link/missed.py SET_DIR PRED_DIR [250,500] [--brief]
"""
import collections
import gzip
import json
import re
import sys

FW = str.maketrans('０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ',
                   '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')


def text_of(c):
    return (c['narrative'] + ' ' + c.get('location', '') + ' ' + ' '.join(e['value'] for e in c['entities'])).translate(FW)


def values(c):
    """(kind, value) pairs written in a case."""
    t = set()
    text = text_of(c)
    comp = re.sub(r'[ \-·.]', '', text)
    for m in re.finditer(r'\d{7,}', comp):
        v = m.group(0)
        t.add(('NUM', v[2:] if v.startswith('86') and len(v) == 13 else v))
    for m in re.finditer(r'(1\d\d)\*{4}(\d{4})', comp):
        t.add(('MASK', m.group(1) + '****' + m.group(2)))
    for m in re.finditer(r'尾号[为是:：]?(\d{4})', comp):
        t.add(('TAIL', m.group(1)))
    for m in re.finditer(r'[\u4e00-\u9fa5][A-Z][A-Z0-9]{5}', comp.upper()):
        t.add(('PLATE', m.group(0)))
    for m in re.finditer(r'[a-zA-Z][a-zA-Z0-9_]{4,}', text):
        t.add(('ID', m.group(0).lower()))
    for m in re.finditer(r'([\u4e00-\u9fa5]{2})村(\d+)号', comp):
        t.add(('HOUSE', m.group(1) + m.group(2)))
    for e in c['entities']:
        if e['type'] == 'person' and '某' not in e['value']:
            t.add(('NAME', e['value']))
    return t


def one_off(a, b):
    if len(a) != len(b) or a == b:
        return False
    d = [i for i in range(len(a)) if a[i] != b[i]]
    return len(d) == 1 or (len(d) == 2 and d[1] == d[0] + 1 and a[d[0]] == b[d[1]] and a[d[1]] == b[d[0]])


def shared(a, b):
    va, vb = values(a), values(b)
    out = [('EXACT',) + x for x in va & vb]
    nums_a = {v for k, v in va if k == 'NUM'}
    nums_b = {v for k, v in vb if k == 'NUM'}
    for x, y in ((va, nums_b), (vb, nums_a)):
        for k, v in x:
            if k == 'MASK':
                for n in y:
                    if len(n) == 11 and n[:3] == v[:3] and n[-4:] == v[-4:]:
                        out.append(('MASK~FULL', v, n))
            if k == 'TAIL':
                for n in y:
                    if n.endswith(v):
                        out.append(('TAIL~FULL', v, n))
    for ka, a_ in va:
        for kb, b_ in vb:
            if ka == kb and ka in ('NUM', 'PLATE') and one_off(a_, b_):
                out.append(('ONE_OFF', a_, b_))
    return sorted(set(out))


def main():
    d, pred_dir = sys.argv[1], sys.argv[2]
    args = [a for a in sys.argv[3:] if not a.startswith('--')]
    brief = '--brief' in sys.argv
    pools = [int(x) for x in (args[0] if args else '250,500').split(',')]
    cases = [json.loads(l) for l in gzip.open(d + '/cases.jsonl.gz', 'rt', encoding='utf-8')]
    cases.sort(key=lambda c: (c['date'], c['caseId']))
    by_id = {c['caseId']: c for c in cases}
    net = {}
    for l in gzip.open(d + '/networks.jsonl.gz', 'rt', encoding='utf-8'):
        n = json.loads(l)
        for c in n['cases']:
            net[c] = n['networkId']
    kinds = collections.Counter()
    for size in pools:
        pool = {c['caseId'] for c in cases[:size]}
        comp = {}
        for i, l in enumerate(open('%s/pred-%d.jsonl' % (pred_dir, size), encoding='utf-8')):
            for c in json.loads(l)['cases']:
                comp[c] = 'P%d' % i
        members = collections.defaultdict(list)
        for c in cases[:size]:
            if c['caseId'] in net:
                members[net[c['caseId']]].append(c['caseId'])
        print('=' * 30, 'pool', size)
        for nid, ms in sorted(members.items()):
            if len(ms) < 2:
                continue
            parts = collections.defaultdict(list)
            for m in ms:
                parts[comp.get(m, 'alone:' + m)].append(m)
            if len(parts) < 2:
                continue
            print('-' * 20, nid, 'split in', len(parts), 'parts:', [len(p) for p in parts.values()])
            plist = list(parts.items())
            for pid, cs in plist:
                print('  part', pid, cs)
                if not brief:
                    for c in cs:
                        x = by_id[c]
                        print('    ', c, x['date'], x['category'], x.get('location', ''))
                        print('       ', x['narrative'])
                        print('       ', [(e['type'], e['value'], e.get('role')) for e in x['entities']])
            for i in range(len(plist)):
                for j in range(i + 1, len(plist)):
                    for a in plist[i][1]:
                        for b in plist[j][1]:
                            s = shared(by_id[a], by_id[b])
                            if s:
                                print('  SHARED', a, b, s)
                                for k in {x[0] + ('/' + x[1] if x[0] == 'EXACT' else '') for x in s}:
                                    kinds[(size, k)] += 1
    print('=' * 30)
    for k, v in sorted(kinds.items()):
        print(k, v)


if __name__ == '__main__':
    main()
