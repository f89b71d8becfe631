#!/usr/bin/env python3
"""Copies the finished runs of a running `reproduce dl-fashion` grid into docs/results/dl-fashion/runs/ and
rewrites the status line and the per-run table of docs/results/dl-fashion/README.md (issue 19).
Usage (from the repository root): scripts/dl-fashion-partial.py [RUNS_DIR=/work/wt/dlrun-out.partial/runs]"""
import json,os,shutil,re,sys
src=sys.argv[1] if len(sys.argv) > 1 else '/work/wt/dlrun-out.partial/runs'; dst='docs/results/dl-fashion/runs'
done=sorted(d for d in os.listdir(src) if os.path.isdir(os.path.join(src,d)) and not d.endswith('.partial') and os.path.exists(os.path.join(src,d,'results.json')))
rows=[]
for r in done:
    os.makedirs(os.path.join(dst,r),exist_ok=True)
    for f in ['results.json','metrics.csv','config.yaml','log.txt']:
        shutil.copy(os.path.join(src,r,f),os.path.join(dst,r,f))
    d=json.load(open(os.path.join(src,r,'results.json')))
    rows.append('| %s, seed %d | %.4f | %.4g | %.4g | %.4g | %.0f |'%(d['method'],d['seed'],d['test_accuracy'],d['expected_sharpness'],(d['hessian_top'][0] if isinstance(d['hessian_top'],list) else d['hessian_top']),d['hessian_trace'],d['seconds']))
p='docs/results/dl-fashion/README.md'; s=open(p).read()
s=re.sub(r'\*\*Status: runs in progress; \d+ of 27 runs finished','**Status: runs in progress; %d of 27 runs finished'%len(done),s)
a=s.index('| run | test accuracy'); b=s.index('\n\n',a)
s=s[:a]+'| run | test accuracy | expected sharpness | Hessian top | Hessian trace | seconds (shared machine) |\n|---|---|---|---|---|---|\n'+'\n'.join(rows)+s[b:]
s=s.replace('Runs go method by method (Our 1 first), so no ordering between methods can be read yet;','Runs go method by method (Our 1 first, then Our 2, ...), so no ordering between methods can be read yet (the runs were also paused for about 16 minutes during two CI checks, which their `seconds` include);')
open(p,'w').write(s)
print(len(done), 'runs'); print('\n'.join(rows))
