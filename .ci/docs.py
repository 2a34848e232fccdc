"""Everything of the docs build that runs without Quarto, and README.md from nbs/index.ipynb.

python .ci/docs.py            check: nbdev's processing of every notebook succeeds, every notebook is in the
                              sidebar, every figure output is a real image, and README.md is up to date
python .ci/docs.py --readme   (re)write README.md from nbs/index.ipynb

On a machine with Quarto, `nbdev_docs` renders the site (the docs workflow does that); README.md is
written here by the same rules as nbdev_readme (hidden cells dropped, `echo: false` cells show only their
output), with figures left to the website.
"""
import base64, re, sys
from pathlib import Path

from execnb.nbio import read_nb
from nbdev.config import get_config
from nbdev.quarto import refresh_quarto_yml
from nbdev.serve import proc_nbs

def directives(src):
    "nbdev's `#| key: value` lines of a cell, as a dict, and the source without them."
    d, rest = {}, []
    for line in src.splitlines():
        m = re.match(r'^#\|\s*([\w-]+):?\s*(.*)$', line)
        if m and not rest: d[m.group(1)] = m.group(2).strip()
        else: rest.append(line)
    return d, '\n'.join(rest).strip('\n')

def readme_text(nb_path):
    "Markdown of a notebook as a README: title and description from the first cell, hidden cells dropped."
    out = []
    for cell in read_nb(nb_path).cells:
        d, src = directives(cell.source)
        if 'hide' in d or 'exporti' in d or d.get('include') == 'false': continue
        if cell.cell_type == 'markdown': out.append(src); continue
        if cell.cell_type != 'code': continue
        if d.get('echo') != 'false' and src: out.append(f'```python\n{src}\n```')
        for o in cell.get('outputs', []):
            text = o.get('text') or o.get('data', {}).get('text/plain')
            if 'image/png' in o.get('data', {}): continue   # figures live on the website
            if text: out.append('```\n' + (''.join(text) if isinstance(text, list) else text).rstrip('\n') + '\n```')
    return '<!-- generated from nbs/index.ipynb by .ci/docs.py --readme: edit the notebook, not this file -->\n\n' + '\n\n'.join(out) + '\n'

def check_docs(cfg):
    "Run nbdev's notebook processing for the docs; return a list of problems."
    problems = []
    refresh_quarto_yml()
    cache = proc_nbs(force=True)
    nbs = sorted(p for p in cfg.nbs_path.rglob('*.ipynb') if not any(s.startswith(('.', '_')) for s in p.relative_to(cfg.nbs_path).parts))
    sidebar = (cfg.nbs_path/'sidebar.yml').read_text()
    for nb in nbs:
        rel = nb.relative_to(cfg.nbs_path)
        if not (cache/rel).exists(): problems.append(f'{rel}: nbdev processing produced no page')
        if str(rel) not in sidebar: problems.append(f'{rel}: not in nbs/sidebar.yml')
        for cell in read_nb(nb).cells:
            for o in cell.get('outputs', []):
                png = o.get('data', {}).get('image/png')
                if png is not None:
                    raw = base64.b64decode(''.join(png) if isinstance(png, list) else png)
                    if not raw.startswith(b'\x89PNG') or len(raw) < 1000: problems.append(f'{rel}: a figure output is not a real PNG')
    for rel in re.findall(r'([\w/]+\.ipynb)', sidebar):
        if not (cfg.nbs_path/rel).exists(): problems.append(f'nbs/sidebar.yml lists {rel}, which does not exist')
    print(f'docs: {len(nbs)} notebooks processed by nbdev into {cache}')
    return problems

if __name__ == '__main__':
    cfg = get_config()
    readme, want = cfg.config_path/'README.md', readme_text(cfg.nbs_path/'index.ipynb')
    if '--readme' in sys.argv: readme.write_text(want); print(f'wrote {readme}'); sys.exit(0)
    problems = check_docs(cfg)
    if readme.read_text() != want: problems.append('README.md is not what nbs/index.ipynb generates: run python .ci/docs.py --readme')
    for p in problems: print('docs problem:', p)
    sys.exit(1 if problems else 0)
