#!/usr/bin/env python3
"""The most closure recall any linker can reach on an outside set (docs/linking.md, issue 33).

For each pool (the first N cases by date), joins two cases of the same true network when they
share a written value — digits of 7 or more in any spelling (phones, ID numbers, waybills, cards),
a masked phone (138****3456), a plate, a WeChat-like id, a listed full name — and reports the share
of same-network pairs of the pool connected by such chains. Only true links are used: it is an
upper bound, not a linker.

Usage: ops/bench/link/reachable.py SET_DIR [250,500,1000,2000]
"""
import collections
import gzip
import json
import re
import sys

FW = str.maketrans('０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ',
                   '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')


def tokens(c):
    t = set()
    text = (c['narrative'] + ' ' + ' '.join(e['value'] for e in c['entities'])).translate(FW)
    comp = re.sub(r'[ \-·.]', '', text)
    for m in re.finditer(r'\d{7,}', comp):
        v = m.group(0)
        t.add(v[2:] if v.startswith('86') and len(v) == 13 else v)
    for m in re.finditer(r'(1\d\d)\*{4}(\d{4})', comp):
        t.add('M' + m.group(1) + m.group(2))
    for m in re.finditer(r'[\u4e00-\u9fa5][A-Z][A-Z0-9]{5}', comp.upper()):
        t.add(m.group(0))
    for m in re.finditer(r'[a-zA-Z][a-zA-Z0-9_]{4,}', text):
        t.add(m.group(0).lower())
    for e in c['entities']:
        if e['type'] == 'person' and '某' not in e['value']:
            t.add('N' + e['value'])
    return t


def main():
    d = sys.argv[1]
    pools = [int(x) for x in (sys.argv[2] if len(sys.argv) > 2 else '250,500,1000,2000').split(',')]
    cases = [json.loads(l) for l in gzip.open(d + '/cases.jsonl.gz', 'rt', encoding='utf-8')]
    cases.sort(key=lambda c: (c['date'], c['caseId']))
    net = {}
    for l in gzip.open(d + '/networks.jsonl.gz', 'rt', encoding='utf-8'):
        n = json.loads(l)
        for c in n['cases']:
            net[c] = n['networkId']
    for size in pools:
        pool = cases[:size]
        parent = list(range(len(pool)))

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        holders = collections.defaultdict(list)
        for i, c in enumerate(pool):
            for k in tokens(c):
                holders[k].append(i)
        for held in holders.values():
            # every two holders of the same true network (not only those of the first holder's)
            first = {}
            for j in held:
                n = net.get(pool[j]['caseId'])
                if n is None:
                    continue
                if n in first:
                    parent[find(j)] = find(first[n])
                else:
                    first[n] = j
        members = collections.defaultdict(list)
        for i, c in enumerate(pool):
            if c['caseId'] in net:
                members[net[c['caseId']]].append(i)
        total = reached = 0
        for m in members.values():
            total += len(m) * (len(m) - 1) // 2
            parts = collections.Counter(find(i) for i in m)
            reached += sum(v * (v - 1) // 2 for v in parts.values())
        print('pool %d: reachable closure recall %.4f (%d of %d same-network pairs)'
              % (size, reached / total if total else 1.0, reached, total))


if __name__ == '__main__':
    main()
