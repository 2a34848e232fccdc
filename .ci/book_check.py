"""The rendered book, checked offline: every notebook that nbs/sidebar.yml lists, as a reader sees it.

python .ci/book_check.py [--out DIR] [--shots PAGE,PAGE,...]

Takes nbdev's processed notebooks (_proc/, which .ci/docs.py writes; refreshed here when stale), renders each
to HTML with nbconvert (MathJax 2 from Debian's libjs-mathjax, no CDN), serves them on 127.0.0.1 and opens
each page in headless Chromium. A page fails when it has a JavaScript error, a resource that did not load,
an image that did not decode, a resource from the network, math that MathJax did not typeset (a literal
`$...$` or `\\(` left in the text) or a MathJax error, or a cell whose output is a Python error.
--shots saves screenshots of the named pages (e.g. index,figures/000_fig1_cascade) into DIR/shots.
Needs `chromium` (or `google-chrome`) and `libjs-mathjax` (Debian); .ci/run installs them when missing.
"""
import argparse, concurrent.futures, functools, html, http.server, json, re, shutil, subprocess, sys, tempfile
import threading
from pathlib import Path

import jinja2, nbformat, yaml
from nbconvert import HTMLExporter
from nbdev.config import get_config
from nbdev.serve import proc_nbs

MATHJAX = Path('/usr/share/javascript/mathjax')
CHROMIUM = shutil.which('chromium') or shutil.which('google-chrome') or 'chromium'

# In <head>, before anything else: record every error event (a script's, or a resource's that failed to load),
# and make MathJax report TeX errors and undefined macros instead of showing their source in red.
HEAD = r'''<script>
window.bookCheck = {errors: []};
window.addEventListener('error', function (e) {
  var t = e.target;
  if (t && t !== window && (t.src || t.href)) bookCheck.errors.push('did not load: ' + (t.src || t.href).slice(0, 120));
  else bookCheck.errors.push('JavaScript error: ' + e.message + ' (' + e.filename + ':' + e.lineno + ')');
}, true);
window.addEventListener('unhandledrejection', function (e) {
  bookCheck.errors.push('unhandled rejection: ' + e.reason);
});
</script>
<script type="text/x-mathjax-config">
MathJax.Hub.Config({TeX: {noErrors: {disabled: true}, noUndefined: {disabled: true}}});
MathJax.Hub.Register.MessageHook('TeX Jax - parse error', function (m) {
  bookCheck.errors.push('TeX error: ' + m[1]);
});
MathJax.Hub.Register.MessageHook('Math Processing Error', function (m) {
  bookCheck.errors.push('MathJax error: ' + m[2]);
});
</script>'''

# At the end of <body>: once MathJax has typeset the page, look at it as a reader would and write the findings
# into the page (headless Chromium's --dump-dom brings them back).
FOOT = r'''<script>
function bookReport() {
  var out = bookCheck.errors.slice(), skip = 'pre, code, script, style, textarea, .MathJax_CHTML, .MathJax_Preview';
  Array.prototype.forEach.call(document.images, function (img) {
    if (!img.complete || img.naturalWidth === 0) out.push('broken image: ' + img.src.slice(0, 80));
  });
  document.querySelectorAll('script[src], link[rel=stylesheet], img[src], iframe[src]').forEach(function (el) {
    var u = el.src || el.href;
    if (/^https?:/.test(u) && u.indexOf(location.origin) !== 0) out.push('needs the network: ' + u.slice(0, 120));
  });
  document.querySelectorAll('.mjx-merror, .MathJax_Error, merror').forEach(function (el) {
    out.push('math error: ' + el.textContent.slice(0, 120));
  });
  var walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), node;
  var tex = /\$\$|\$[^$\s][^$]*\$|\\\(|\\\[|\\begin\{/;
  while ((node = walk.nextNode())) {
    if (node.parentElement.closest(skip)) continue;
    var m = tex.exec(node.textContent);
    if (m) out.push('unrendered math: ' + node.textContent.substr(Math.max(0, m.index - 30), 90).replace(/\s+/g, ' '));
  }
  var res = document.createElement('pre');
  res.id = 'book-check-result'; res.hidden = true;
  out = out.filter(function (p, i) { return out.indexOf(p) === i; });
  res.textContent = JSON.stringify({problems: out, math: document.querySelectorAll('script[type^="math/tex"]').length,
                                    images: document.images.length});
  document.body.appendChild(res);
}
if (window.MathJax && MathJax.Hub) {
  MathJax.Hub.Register.StartupHook('End', function () { MathJax.Hub.Queue(bookReport); });
}
else { bookCheck.errors.push('MathJax did not load'); bookReport(); }
</script>'''

TEMPLATE = '''{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}''' + HEAD + '''{%- endblock html_head_js -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block footer_js %}''' + FOOT + '''{% endblock footer_js %}'''

def sidebar_notebooks(nbs_path):
    "The notebooks nbs/sidebar.yml lists, in its order."
    return re.findall(r'([\w./-]+\.ipynb)', (nbs_path/'sidebar.yml').read_text())

def directives(src):
    "Quarto's `#| key: value` lines at the top of a cell, as a dict, and the source without them."
    d, lines = {}, src.splitlines()
    while lines and (m := re.match(r'^#\|\s*([\w-]+):?\s*(.*)$', lines[0])):
        d[m.group(1)] = m.group(2).strip()
        lines.pop(0)
    return d, '\n'.join(lines)

def front_matter(src):
    "The title and description of nbdev's front-matter raw cell, as the markdown Quarto shows at a page's top."
    meta = yaml.safe_load(src.strip().strip('-')) or {}
    title, desc = meta.get('title'), meta.get('description')
    return (f'# {title}' if title else '') + (f'\n\n> {desc}' if desc else '')

def pandoc_markdown(text):
    "Markdown as Quarto reads it, for nbconvert: `[text](url){attributes}` (show_doc's source links) as a plain link."
    return re.sub(r'(\[[^\]]*\]\([^)]*\))\{[^}]*\}', r'\1', text)

def reader_view(nb):
    """A processed notebook as Quarto would show it: front matter as a title, `echo`/`output: false` honoured.
    nbdev adds an empty widget state to every page; it is dropped (a real one would need the network)."""
    problems = []
    state = nb.metadata.pop('widgets', {}).get('application/vnd.jupyter.widget-state+json', {}).get('state')
    if state: problems.append('the page has interactive widgets, whose scripts come from the network')
    for cell in nb.cells:
        if cell.cell_type == 'raw' and cell.source.startswith('---'):
            cell.cell_type, cell.source = 'markdown', front_matter(cell.source)
            cell.pop('outputs', None), cell.pop('execution_count', None)
        if cell.cell_type == 'markdown': cell.source = pandoc_markdown(cell.source)
        if cell.cell_type != 'code': continue
        for o in cell.outputs:
            if 'text/markdown' in o.get('data', {}): o.data['text/markdown'] = pandoc_markdown(o.data['text/markdown'])
        d, cell.source = directives(cell.source)
        if d.get('echo') == 'false': cell.metadata.setdefault('transient', {})['remove_source'] = True
        if d.get('output') == 'false': cell.outputs = []
        errors = [o.get('ename') for o in cell.outputs if o.output_type == 'error']
        problems += [f"a cell's output is a Python error: {e}" for e in errors]
    return nb, problems

def render(proc, rel, out):
    "Write the reader's view of `proc/rel` to `out/rel` as .html; return its problems."
    nb, problems = reader_view(nbformat.read(proc/rel, as_version=4))
    up = '../' * (len(Path(rel).parts) - 1)
    exporter = HTMLExporter(template_name='lab', template_file='book.html.j2',
                            extra_loaders=[jinja2.DictLoader({'book.html.j2': TEMPLATE})],
                            mathjax_url=f'{up}mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe',
                            exclude_input_prompt=True, exclude_output_prompt=True)   # Quarto shows no prompts
    body, _ = exporter.from_notebook_node(nb, resources={'metadata': {'name': Path(rel).stem}})
    dest = (out/rel).with_suffix('.html')
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(body)
    return problems

def serve(root):
    "Serve `root` on 127.0.0.1 (a free port) in a daemon thread; return the base URL."
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args): pass
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f'http://127.0.0.1:{server.server_port}'

def chromium(profile, *args, timeout=180):
    "Run headless Chromium once with its own profile; return its stdout."
    cmd = [CHROMIUM, '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run',
           f'--user-data-dir={profile}', '--virtual-time-budget=30000', *args]
    try: return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout).stdout
    except subprocess.TimeoutExpired: return ''   # reported as a page that never finished

def browse(url, profile):
    "Open `url`, wait for MathJax, return the page's findings as a dict (problems, math, images)."
    dom = chromium(profile, '--dump-dom', url)
    m = re.search(r'<pre id="book-check-result"[^>]*>(.*?)</pre>', dom, re.S)
    if not m: return {'problems': ['the page never finished rendering (no report)'], 'math': 0, 'images': 0}
    return json.loads(html.unescape(m.group(1)))

def check_page(rel, proc, out, base):
    "Render one notebook and open it; return (rel, findings)."
    problems = render(proc, rel, out)
    found = browse(f"{base}/{Path(rel).with_suffix('.html').as_posix()}", out/'_profiles'/rel.replace('/', '_'))
    found['problems'] = problems + found['problems']
    return rel, found

def screenshots(pages, out, base):
    "Save a 1200x2400 screenshot of each page in `pages` (names without .ipynb) into out/shots."
    (out/'shots').mkdir(exist_ok=True)
    for page in pages:
        png = out/'shots'/(page.replace('/', '_') + '.png')
        chromium(out/'_profiles'/'shots', f'--screenshot={png}', '--window-size=1200,2400', f'{base}/{page}.html')
        print(f'screenshot: {png}')

def main(out, shots=()):
    cfg = get_config()
    proc = proc_nbs()   # nbdev's processed notebooks; a no-op when .ci/docs.py has just written them
    shutil.copytree(proc, out, dirs_exist_ok=True, ignore=shutil.ignore_patterns('*.ipynb'))   # local images
    (out/'mathjax').unlink(missing_ok=True)
    (out/'mathjax').symlink_to(MATHJAX)
    listed, base = sidebar_notebooks(cfg.nbs_path), serve(out)
    missing = [rel for rel in listed if not (proc/rel).exists()]
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda rel: check_page(rel, proc, out, base), [r for r in listed if r not in missing]))
    bad = [f'{rel}: not processed by nbdev' for rel in missing]
    for rel, found in results:
        print(f"{'ok ' if not found['problems'] else 'BAD'} {rel}: {found['math']} formulas, {found['images']} images")
        bad += [f'{rel}: {p}' for p in found['problems']]
    if shots: screenshots(shots, out, base)
    for line in bad: print('book problem:', line)
    print(f'book: {len(results)} pages rendered and opened in headless Chromium, {len(bad)} problems')
    return not bad

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', help='keep the rendered pages (and screenshots) here; default: a temporary folder')
    ap.add_argument('--shots', default='', help='pages to screenshot, comma-separated: index,figures/000_fig1_cascade')
    args = ap.parse_args()
    if not MATHJAX.joinpath('MathJax.js').exists(): sys.exit(f'no MathJax at {MATHJAX}: apt-get install libjs-mathjax')
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.out or tmp).absolute()
        out.mkdir(parents=True, exist_ok=True)
        sys.exit(0 if main(out, [s for s in args.shots.split(',') if s]) else 1)
