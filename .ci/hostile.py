"""Hostile inputs for recent_nb: every case is a bad or extreme input and what a good answer is.

Run from the repository root:  OMP_NUM_THREADS=1 python .ci/hostile.py [-v]   (about 10 s; not part of CI)
Each case ends in one of
  good   the expected clear error (ValueError/TypeError naming the problem, or for a command line: one
         `prog: error: ...` line on stderr and exit status 2), or the right value;
  weak   an error, but not the expected one (another exception type, a traceback, another message);
  wrong  a silent wrong or lossy result (garbage returned, a result file missing);
  crash  the case itself could not run (a function missing in this version, say).
"""
import contextlib, io, json, math, os, subprocess, sys, tempfile, time, traceback, warnings
from pathlib import Path

import numpy as np
import torch

warnings.simplefilter('ignore')
CASES = []

def case(name):
    "Register a case: a function that returns 'good', 'weak' or 'wrong' (and a note)."
    def deco(f): CASES.append((name, f)); return f
    return deco

def raises(f, sub, kinds=(ValueError, TypeError)):
    "good if f() raises one of `kinds` whose message holds `sub`; weak on another error; wrong if it returns."
    try: out = f()
    except kinds as e: return ('good', '') if sub.lower() in str(e).lower() else ('weak', f'{type(e).__name__}: {e}')
    except SystemExit as e: return 'weak', f'SystemExit {e.code}'
    except Exception as e: return 'weak', f'{type(e).__name__}: {str(e)[:150]}'
    return 'wrong', f'returned {str(out)[:150]}'

def value(f, ok, what=''):
    "good if ok(f()) holds, wrong if not, weak if it raises."
    try: out = f()
    except Exception as e: return 'weak', f'{type(e).__name__}: {str(e)[:150]}'
    try: good = bool(ok(out))
    except Exception as e: good = False
    return ('good', '') if good else ('wrong', f'{what} got {str(out)[:150]}')

def exits_2(f, sub, prog):
    "good if f() exits with status 2 and one line `prog: error: ...sub...` on stderr; weak otherwise."
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try: f(); code = 0
        except SystemExit as e: code = e.code
        except Exception as e: return 'weak', f'traceback: {type(e).__name__}: {str(e)[:150]}'
    e = err.getvalue()
    if code == 2 and e.startswith(f'{prog}: error: ') and sub in e and e.count('\n') == 1: return 'good', ''
    if code == 0: return 'wrong', f'ran without error: {out.getvalue()[-150:]}'
    return 'weak', f'exit {code}: {e[-200:]}'

# ---------------------------------------------------------------- core
from recent_nb import core
for bad in (2.5, '3', None, True, float('nan'), -1):
    case(f'as_int({bad!r})')(lambda bad=bad: raises(lambda: core.as_int(bad, 'depth'), 'depth must be'))
for bad in ([], 0, float('nan'), float('inf')):
    case(f'as_thresholds({bad!r})')(lambda bad=bad: raises(lambda: core.as_thresholds(bad, 'etas'), 'etas'))
case("resolve_device('gpu')")(lambda: raises(lambda: core.resolve_device('gpu'), "unknown device 'gpu'"))
case("resolve_device('mps')")(lambda: raises(lambda: core.resolve_device('mps'), "device"))
if not torch.cuda.is_available():
    case("resolve_device('cuda') without CUDA")(lambda: raises(lambda: core.resolve_device('cuda'), 'CUDA is not available'))
@case('check_out(an existing file)')
def _():
    with tempfile.NamedTemporaryFile() as f: return raises(lambda: core.check_out(f.name), 'is a file')

# ---------------------------------------------------------------- entropy
from recent_nb import entropy as E
case('cutoff(zeros, relative): 0/0 is no change')(lambda: value(lambda: E.cutoff(np.zeros(5), .1, relative=True),
                                                               lambda v: v == 1, 'want 1'))
case('cutoff(nan curve)')(lambda: raises(lambda: E.cutoff([1., np.nan], .1), 'finite'))
case('cutoff(eta=0)')(lambda: raises(lambda: E.cutoff([1., 2.], 0.), 'eta'))
case('cutoff(eta=nan)')(lambda: raises(lambda: E.cutoff([1., 2.], float('nan')), 'eta'))
_x = torch.rand(4, 10, dtype=torch.float64)
case('relative_entropy(x, x*1e308): no overflow')(lambda: value(lambda: E.relative_entropy(_x, _x*1e308),
                                                               lambda v: math.isfinite(float(v)) and abs(float(v)) < 1e-9))
case('relative_entropy(shape mismatch)')(lambda: raises(lambda: E.relative_entropy(_x, _x[:, :3]), 'same'))
case('to_pmf(inf)')(lambda: raises(lambda: E.to_pmf(torch.tensor([1., float('inf')])), 'non-finite'))
case('differential_entropy(batch of 1)')(lambda: raises(lambda: E.differential_entropy(_x[:1]), 'at least 2'))
case('differential_entropy(zeros)')(lambda: raises(lambda: E.differential_entropy(torch.zeros(3, 4)), 'all-zero'))

# ---------------------------------------------------------------- mean field
from recent_nb import meanfield as M
for act, sw2, sb2 in (('sigmoid', 1e6, .05), ('arctan', 1e6, .05), ('softsign', 1e6, .05), ('tanh', 1e6, .05),
                      ('tanh', 1.5, 1e6), ('arctan', 1e4, .05)):
    # right answers (scipy quad of the Stein form): tanh 1e6 -> 0.1278, (1.5, 1e6) -> 0.0471; refusing is good too
    ref = {('tanh', 1e6, .05): .12779, ('tanh', 1.5, 1e6): .047088, ('sigmoid', 1e6, .05): .13372,
           ('arctan', 1e6, .05): .1633, ('softsign', 1e6, .05): .18451, ('arctan', 1e4, .05): .23831}[(act, sw2, sb2)]
    def _c(act=act, sw2=sw2, sb2=sb2, ref=ref):
        try: v = float(M.xi_q(act, sw2, sb2))
        except ValueError as e: return ('good', '') if 'q*' in str(e) else ('weak', str(e))
        return ('good', '') if abs(v/ref - 1) < 1e-3 else ('wrong', f'xi_q = {v:.4g}, right {ref:.4g}')
    case(f'xi_q({act}, {sw2:g}, {sb2:g})')(_c)
for sw2, ref in ((1e6, 2.22), (1e10, None)):
    def _c(sw2=sw2, ref=ref):
        try: v = float(M.xi_c('tanh', sw2, .05))
        except ValueError as e: return ('good', '') if 'q*' in str(e) else ('weak', str(e))
        return ('good', '') if ref and abs(v/ref - 1) < 1e-2 else ('wrong', f'xi_c = {v:.4g}')
    case(f'xi_c(tanh, {sw2:g}, .05)')(_c)
@case('critical_sw2(hardtanh, .05): undeclared kinks')
def _():
    from scipy.special import erf
    from scipy.optimize import brentq
    D = lambda q: erf(1/np.sqrt(2*q))
    V = lambda q: q*D(q) - 2*np.sqrt(q)*np.exp(-1/(2*q))/np.sqrt(2*np.pi) + 1 - D(q)
    exact = 1/D(brentq(lambda q: V(q)/D(q) + .05 - q, 1e-6, 100., xtol=1e-15))
    try: v = float(M.critical_sw2(torch.nn.functional.hardtanh, .05))
    except ValueError as e: return ('good', '') if 'kink' in str(e) else ('weak', str(e))
    return ('good', '') if abs(v/exact - 1) < 1e-6 else ('wrong', f'{v:.5f}, exact {exact:.5f}')
case('chi1(torch.sign): a step')(lambda: value(lambda: _or_error(lambda: M.chi1(torch.sign, 1.5, .05)),
                                               lambda v: v == 'refused' or v == np.inf, 'want inf or an error'))
def _or_error(f):
    try: return f()
    except ValueError: return 'refused'
case('q_star(sw2=-1)')(lambda: raises(lambda: M.q_star('tanh', -1., .05), 'variance'))
case('chi1(sb2=nan)')(lambda: raises(lambda: M.chi1('tanh', 1., np.nan), 'finite'))
case("get_activation('swish')")(lambda: raises(lambda: M.get_activation('swish'), 'unknown activation'))
case('get_activation(math.tanh)')(lambda: raises(lambda: M.get_activation(lambda x: math.tanh(x)), 'torch tensor'))
case('get_activation(torch.abs): ZeroTensor second derivative')(
    lambda: value(lambda: M.get_activation(torch.abs).d2(np.array([.5, 1.])), lambda v: (v == 0).all()))
case('c_curve(c0=1.5)')(lambda: raises(lambda: M.c_curve('tanh', 1., .05, c0=1.5, depth=3), 'correlation'))
case('q_curve(relu, 3, depth 2000): inf stays inf')(
    lambda: value(lambda: M.q_curve('relu', 3., .05, q0=1., depth=2000),
                  lambda q: not np.isfinite(q).all() and np.isinf(q[np.argmax(~np.isfinite(q)):]).all()))
case('simulate_q_c(width=1.5)')(lambda: raises(lambda: M.simulate_q_c('tanh', 1., .05, width=1.5, depth=3), 'width'))
case('simulate_q_c(c0=2)')(lambda: raises(lambda: M.simulate_q_c('tanh', 1., .05, width=4, depth=3, c0=2.), 'c0'))
case('simulate_q_c(activation returns nan)')(lambda: raises(
    lambda: M.simulate_q_c(lambda x: torch.where(x > 1, torch.nan, torch.tanh(x)), 1., .05, width=8, depth=3), 'nan'))
case('simulate_q_c(relu, 3, depth 2000): c_mean')(lambda: value(
    lambda: M.simulate_q_c('relu', 3., .05, width=50, depth=2000, n_nets=2, device='cpu')['c_mean'][-1],
    lambda c: c > .99, 'want c near 1'))
case('simulate_q_c(relu, 1e6, depth 200): overflow')(lambda: raises(
    lambda: M.simulate_q_c('relu', 1e6, .05, width=50, depth=200, n_nets=2, device='cpu'), 'overflow'))
if not torch.cuda.is_available():
    case("simulate_q_c(device='cuda') without CUDA")(lambda: raises(
        lambda: M.simulate_q_c('tanh', 1., .05, width=4, depth=2, device='cuda'), 'CUDA is not available'))
for kw, sub in ((dict(sw2_min=2., sw2_max=1.), 'sw2_min < sw2_max'), (dict(sb2=-.05), 'sb2'), (dict(num=0), 'num'),
                (dict(sw2_max=float('nan')), 'sw2_max'), (dict(act='swish'), 'swish'), (dict(sw2_max=1e6), 'q*'),
                (dict(plot='/dev/null/pd.png'), 'plot')):
    case(f'recent_meanfield {kw}')(lambda kw=kw, sub=sub: exits_2(lambda: M.meanfield_cli.__wrapped__(**kw), sub,
                                                                 'recent_meanfield'))

# ---------------------------------------------------------------- nets, cascade, data
from recent_nb.nets import MLPEnsemble
from recent_nb.cascade import fit_cascade
from recent_nb.data import load_dataset
case('MLPEnsemble(widths with 2.5)')(lambda: raises(lambda: MLPEnsemble([784, 2.5, 3], 1.), 'widths'))
case('MLPEnsemble(sw2=-1)')(lambda: raises(lambda: MLPEnsemble([4, 4], -1.), 'sw2'))
case("MLPEnsemble(init='xavier')")(lambda: raises(lambda: MLPEnsemble([4, 4], 1., init='xavier'), 'init'))
case("MLPEnsemble(act='swish')")(lambda: raises(lambda: MLPEnsemble([4, 4], 1., act='swish'), 'swish'))
if not torch.cuda.is_available():
    case("MLPEnsemble(device='cuda') without CUDA")(lambda: raises(lambda: MLPEnsemble([4, 4], 1., device='cuda'), 'CUDA'))
case('MLPEnsemble input with nan')(lambda: raises(
    lambda: MLPEnsemble([4, 4], 1., device='cpu').activations(torch.full((2, 4), float('nan'))), 'non-finite'))
_net, _xs = MLPEnsemble([16, 8, 8], sw2=[1., 2.], sb2=.05, seed=0, device='cpu'), torch.rand(64, 16)
for m in ('parallel', 'sequential'):
    for lr in (float('inf'), float('nan'), '0.1', 0.):
        case(f'fit_cascade({m}, lr={lr!r})')(lambda m=m, lr=lr: raises(lambda: fit_cascade(_net, _xs, m, lr=lr), 'lr'))
    case(f'fit_cascade({m}, lr=1e20, affine): diverges')(lambda m=m: raises(
        lambda: fit_cascade(_net, _xs, m, lr=1e20, epochs=3, batch_size=8, out_act=None), 'not finite'))
for r in (-1., float('inf'), float('nan')):
    case(f'fit_cascade(ridge={r})')(lambda r=r: raises(lambda: fit_cascade(_net, _xs, ridge=r), 'ridge'))
case("fit_cascade(method='adam')")(lambda: raises(lambda: fit_cascade(_net, _xs, 'adam'), 'method'))
case('fit_cascade(epochs=0)')(lambda: raises(lambda: fit_cascade(_net, _xs, 'parallel', epochs=0), 'epochs'))
case("load_dataset('imagenet')")(lambda: raises(lambda: load_dataset('imagenet'), 'unknown dataset'))
case('load_dataset(limit=0)')(lambda: raises(lambda: load_dataset(limit=0), 'limit'))
case("load_dataset(device='gpu')")(lambda: raises(lambda: load_dataset(device='gpu'), "unknown device"))
if not torch.cuda.is_available():
    case("load_dataset(device='cuda') without CUDA")(lambda: raises(lambda: load_dataset(device='cuda'), 'CUDA is not'))

# ---------------------------------------------------------------- predict
from recent_nb import predict as P
_img = load_dataset()[0][:300]
for kw, sub in ((dict(max_networks=-1), 'max_networks'), (dict(n_eval=1), 'n_eval'), (dict(sw2=[]), 'sw2'),
                (dict(sw2=[-1.]), 'sw2'), (dict(depth=0), 'depth'), (dict(method='adam'), 'method')):
    case(f'reconstruction_entropy({kw})')(lambda kw=kw, sub=sub: raises(
        lambda: P.reconstruction_entropy(_img, depth=kw.pop('depth', 3), widths=8, progress=False, device='cpu', **kw), sub))
case('reconstruction_entropy(x with nan)')(lambda: raises(
    lambda: P.reconstruction_entropy(_img*float('nan'), depth=3, widths=8, progress=False), 'non-finite'))

def predict_argv(argv):
    "recent_predict's words, parsed as the command line parses them, then run."
    from fastcore.script import anno_parser
    args = vars(anno_parser(P.predict_cli.__wrapped__, prog='recent_predict').parse_args(argv))
    args.pop('xtra', None); args.pop('pdb', None)
    return P.predict_cli.__wrapped__(**args)
_small = ['--width', '8', '--sw2', '1', '--nets', '1', '--n_train', '200', '--n_eval', '20', '--quiet', '--device', 'cpu']
for flags, sub in (('--depth -3', '--depth'), ('--nets 0', '--nets'), ('--n_eval 1', '--n_eval'), ('--eta nan', '--eta'),
                   ('--diff_eta 0', '--diff_eta'), ('--sw2 1,x', '--sw2'), ('--sw2 -1', '--sw2'), ('--sb2 nan', '--sb2'),
                   ('--ridge -1', 'ridge'), ('--width 12x', '--width'), ('--width 8,8', 'one width per layer'),
                   ('--act nope', 'nope'), ('--method adam', 'method'), ('--dataset mnst', '--dataset'),
                   ('--device gpu', 'device'), ('--epochs 0', '--epochs')):
    argv = flags.split() + ['--depth', '3'] * ('--depth' not in flags)
    case(f'recent_predict {flags}')(lambda argv=argv, sub=sub: exits_2(lambda: predict_argv(argv), sub, 'recent_predict'))
@case('recent_predict --out FILE: refused before any work')
def _():
    with tempfile.NamedTemporaryFile() as f:
        return exits_2(lambda: predict_argv(['--out', f.name, '--dataset', 'mnist', '--root', '/no/such']), 'file',
                       'recent_predict')
@case('recent_predict --out UNWRITABLE (below a file)')
def _():
    with tempfile.NamedTemporaryFile() as f:
        return exits_2(lambda: predict_argv(['--out', f.name + '/sub', '--dataset', 'mnist', '--root', '/no/such']),
                       'cannot be written', 'recent_predict')
@case('recent_predict --depth 3 --out DIR: all four files')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        with contextlib.redirect_stdout(io.StringIO()):
            try: predict_argv(['--depth', '3', '--out', tmp] + _small)
            except Exception as e:
                return ('wrong' if not (Path(tmp)/'result.json').exists() else 'weak'), f'{type(e).__name__}: {e}'
        got = sorted(os.listdir(tmp))
        return ('good', '') if got == ['cutoffs.png', 'entropy.png', 'reconstructions.png', 'result.json'] else ('wrong', got)

# ---------------------------------------------------------------- recent_sweep
from recent_nb import cli as C
_tiny = ['--n_train', '64', '--n_test', '32', '--width', '4', '--depths', '1', '--sw2', '1', '--epochs', '1',
         '--no_predict', '--quiet']
for flags, sub in (('--threshold nan', '--threshold'), ('--threshold 2', '--threshold'), ('--k 0', '--k'),
                   ('--k nan', '--k'), ('--eta nan', '--eta'), ('--diff_eta -1', '--diff_eta'), ('--depths 0,2', '--depths'),
                   ('--sw2 1,1', 'repeated'), ('--sw2 x', '--sw2'), ('--epochs 0', '--epochs'), ('--n_train 0', '--n_train'),
                   ('--sb2 nan', '--sb2'), ('--lr inf', 'lr'), ('--dataset mnst', '--dataset'), ('--norm x', '--norm'),
                   ('--width 0', 'width'), ('--act nope', 'nope'), ('--device gpu', 'device'), ('--optimizer x', 'optimizer')):
    def _c(flags=flags, sub=sub):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)/'out'
            t = time.perf_counter()
            r = exits_2(lambda: C.sweep_cli(_tiny + flags.split() + ['--out', str(out)]), sub, 'recent_sweep')
            if r[0] != 'good' and (out/'sweep.json').exists():
                nums = (out/'sweep.json').read_text()
                if 'NaN' in nums: return 'wrong', 'NaN written into sweep.json'
            if r[0] == 'good' and (out/'store').exists() and any((out/'store').iterdir()):
                return 'weak', 'refused, but only after training'
            return r
    case(f'recent_sweep {flags}')(_c)


@case('recent_sweep on a 1 x 1 grid: the numbers are kept')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)/'out'
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try: C.sweep_cli(_tiny + ['--out', str(out)]); return 'good', ''
            except Exception as e:
                kept = (out/'sweep.json').exists()
                return ('weak' if kept else 'wrong'), f"{type(e).__name__}: {str(e)[:100]} (sweep.json {'kept' if kept else 'lost'})"

# ---------------------------------------------------------------- store
from recent_nb.store import ResultStore, point_key
@case('ResultStore.get(a record that is a list)')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        st, p = ResultStore(tmp), dict(depth=1)
        (Path(tmp)/f'{point_key(p)}.json').write_text('[1, 2]')
        return raises(lambda: st.get(p), point_key(p))
@case('ResultStore.records() with a broken file')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        st, p = ResultStore(tmp), dict(depth=1)
        (Path(tmp)/f'{point_key(p)}.json').write_text('{"broken')
        return raises(lambda: st.records(), point_key(p))
@case('ResultStore: stale temporary file of a dead writer removed')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        child = subprocess.Popen(['true']); child.wait()
        dead, live = Path(tmp)/f'.abc.{child.pid}.tmp', Path(tmp)/f'.abc.{os.getpid()}.tmp'
        dead.write_text('x'); live.write_text('x')
        ResultStore(tmp)
        return ('good', '') if not dead.exists() and live.exists() else ('wrong', f'dead {dead.exists()}, live {live.exists()}')

@case('ResultStore.put on a full disk: named, nothing half-written, stored points kept')
def _():
    import errno, unittest.mock
    with tempfile.TemporaryDirectory() as tmp:
        st, p, q = ResultStore(tmp), dict(depth=1), dict(depth=2)
        st.put(p, [1])
        def full(fd): raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        with unittest.mock.patch('os.fsync', full): r = raises(lambda: st.put(q, [2]), 'cannot take the point', OSError)
        if q in st or list(Path(tmp).glob('.*.tmp')) or st.get(p)['result'] != [1]: return 'wrong', 'store changed'
        return r

# ---------------------------------------------------------------- strings and None where numbers belong
# Every numeric argument of the main public functions, given a string or None: a ValueError/TypeError whose
# message names the argument.

def _numeric_table():
    from recent_nb import meanfield as mf, nets, cascade as cs, entropy as en, predict as pr, train as tr
    from recent_nb import resnet as rs, cnn, probe as pb, proxies as px, verdicts as vd, benchmark as bm
    from recent_nb import isometry as iso, cnn_cascade as cc
    x = torch.rand(64, 784)
    return [
        ('q_star', lambda **k: mf.q_star('tanh', **k), dict(sw2=1.5, sb2=.05)),
        ('xi_c', lambda **k: mf.xi_c('tanh', **k), dict(sw2=1.5, sb2=.05)),
        ('critical_sw2', lambda **k: mf.critical_sw2('tanh', **k), dict(sb2=.05)),
        ('simulate_q_c', lambda **k: mf.simulate_q_c('tanh', **k), dict(sw2=1.5, sb2=.05, width=8, depth=3, q0=1., c0=.5, n_nets=2)),
        ('MLPEnsemble', lambda **k: nets.MLPEnsemble([784, 8, 8], **k), dict(sw2=1.5, sb2=.05, seed=0)),
        ('fit_cascade', lambda **k: cs.fit_cascade(nets.MLPEnsemble([784, 8, 8], 1.5), x, **k),
         dict(epochs=1, batch_size=16, lr=1e-3, ridge=.01, seed=0)),
        ('cutoff', lambda **k: en.cutoff(np.linspace(1, 0, 6)[None], **k), dict(eta=.005)),
        ('to_pmf', lambda **k: en.to_pmf(torch.rand(3, 5), **k), dict(eps=1e-12)),
        ('reconstruction_entropy', lambda **k: pr.reconstruction_entropy(x, sw2=[1.5], widths=8, depth=3, progress=False, **k),
         dict(n_eval=10, n_show=2, seed=0, sb2=.05, ridge=.01, per_sw2=1)),
        ('median_band', lambda **k: pr.median_band(np.random.rand(3, 5), **k), dict(level=.9, n_boot=50, seed=0)),
        ('train_sweep', lambda **k: __import__('recent_nb.sweep', fromlist=['x']).train_sweep(
            [1.5], [2], dataset='mnist_sample', width=8, progress=False, **k), dict(n_train=64, epochs=1, lr=1e-3, batch_size=32, sb2=.05)),
        ('classifier_widths', lambda **k: tr.classifier_widths(784, 8, **k), dict(depth=2, n_classes=10)),
        ('residual_curves', lambda **k: rs.residual_curves('tanh', **k), dict(sw2=1., sb2=.05, depth=5, q0=1., c0=.5)),
        ('simulate_residual', lambda **k: rs.simulate_residual('tanh', **k), dict(sw2=1., sb2=.05, width=8, depth=3, n_nets=2)),
        ('ResidualMLPEnsemble', lambda **k: rs.ResidualMLPEnsemble([784, 8, 8], **k), dict(sw2=1., sb2=.05, seed=0)),
        ('conv_weights', lambda **k: cnn.conv_weights(4, 4, **k), dict(k=3, sw2=1., n_nets=1, seed=0)),
        ('cnn_layout', lambda **k: cnn.cnn_layout(**k), dict(depth=4, channels=8, in_channels=1, downsample=2)),
        ('probe', lambda **k: pb.probe(pb.tiny_mlp(depth=2, width=8), x, progress=False, **k),
         dict(n_eval=10, batch_size=32, ridge=.01, max_bytes=1e9)),
        ('tiny_mlp', lambda **k: pb.tiny_mlp(**k), dict(depth=2, width=8, n_in=784, sw2=1., sb2=.05, seed=0)),
        ('cutoff_noise_aware', lambda **k: vd.cutoff_noise_aware(np.random.rand(3, 2, 6), **k), dict(z=1., floor=.005)),
        ('bootstrap', lambda **k: bm.bootstrap(np.mean, np.random.rand(20), **k), dict(level=.9, n_boot=50, seed=0)),
        ('jacobian_spectrum', lambda **k: iso.jacobian_spectrum('tanh', **k), dict(sw2=1.5, sb2=.05, width=8, depth=3, n_nets=1, n_inputs=2)),
    ]
NONE_MEANS_ALL = {('train_sweep', 'n_train', None)}   # documented: None is every image

def _numeric_cases():
    try: table = _numeric_table()
    except Exception as e:
        case('numeric table')(lambda e=e: ('crash', f'{type(e).__name__}: {e}')); return
    for name, f, kw in table:
        for arg in kw:
            for bad in ('abc', None):
                if (name, arg, bad) in NONE_MEANS_ALL: continue
                case(f'{name}({arg}={bad!r})')(lambda f=f, kw=kw, arg=arg, bad=bad: raises(lambda: f(**{**kw, arg: bad}), arg))
        case(f'{name}(valid)')(lambda f=f, kw=kw: value(lambda: f(**kw), lambda out: True))
_numeric_cases()

# ---------------------------------------------------------------- run
if __name__ == '__main__':
    verbose, counts = '-v' in sys.argv, {}
    for name, f in CASES:
        try: r = f()
        except Exception as e: r = ('crash', f'{type(e).__name__}: {str(e)[:150]}')
        kind, note = r if isinstance(r, tuple) else (r, '')
        counts[kind] = counts.get(kind, 0) + 1
        if verbose or kind != 'good': print(f'{kind:6s} {name}' + (f'  -- {note}' if note else ''))
    print(f"{len(CASES)} cases: " + ', '.join(f'{k} {v}' for k, v in sorted(counts.items())))
