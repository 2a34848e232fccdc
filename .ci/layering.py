"""No module imports a module of a later chapter: each module of recent_nb/ is exported from one notebook
(its header names it); a notebook's chapter is the number its name starts with. Prints every import of a
later chapter and exits 1 if there is one.

python .ci/layering.py
"""
import ast, re, sys
from pathlib import Path

def chapter(nb):
    "The chapter number of a notebook path: '07a_store.ipynb' -> 7.0 plus a small step per letter."
    m = re.match(r'(\d+)([a-z]?)_', Path(nb).name)
    if not m: raise ValueError(f"{nb}: notebook name does not start with a chapter number")
    return int(m.group(1)) + (ord(m.group(2)) - ord('a') + 1)/100 if m.group(2) else int(m.group(1))

def source_notebook(py):
    m = re.search(r'File to edit: (\S+\.ipynb)', py.read_text())
    return m.group(1) if m else None

def imports(py):
    "Names of recent_nb modules a file imports, at any depth (lazy imports count too)."
    out = set()
    for node in ast.walk(ast.parse(py.read_text())):
        if isinstance(node, ast.ImportFrom):
            mod = node.module or ''
            if node.level: out |= {mod.split('.')[0]} if mod else {a.name for a in node.names}
            elif mod.startswith('recent_nb.'): out.add(mod.split('.')[1])
            elif mod == 'recent_nb': out |= {a.name for a in node.names}
        elif isinstance(node, ast.Import):
            out |= {a.name.split('.')[1] for a in node.names if a.name.startswith('recent_nb.')}
    return out

if __name__ == '__main__':
    lib = Path('recent_nb')
    chap = {p.stem: chapter(nb) for p in lib.glob('*.py') if (nb := source_notebook(p))}
    bad = [f"{m} (chapter {chap[m]:g}) imports {i} (chapter {chap[i]:g})"
           for m in sorted(chap) for i in sorted(imports(lib/f'{m}.py')) if i in chap and chap[i] > chap[m]]
    print('\n'.join(bad) or f"layering: {len(chap)} modules, none imports a later chapter")
    sys.exit(1 if bad else 0)
