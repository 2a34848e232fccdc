"""GPU timing of the whole prediction (full MNIST, depth 100, width 784) and of the three cascade methods.

Run on a CUDA machine: RECENT_DATA=/path/to/data OUT=/tmp python .ci/gpu_benchmark.py (numbers in nbs/90_benchmarks.ipynb)."""
import time, json, os, numpy as np, torch
from recent_nb.data import load_dataset
from recent_nb.predict import reconstruction_entropy
out = os.environ.get('OUT', '/tmp')
x, _, _ = load_dataset('mnist', os.environ['RECENT_DATA'], device='cuda')
xe, _, _ = load_dataset('mnist', os.environ['RECENT_DATA'], train=False, limit=100, device='cuda')
print(torch.cuda.get_device_name(), torch.__version__, x.shape)
res = {}
def timed(tag, **kw):
    reconstruction_entropy(x[:2000], xe, depth=kw.get('depth', 100), sw2=[1.76], progress=False, method=kw.get('method', 'lstsq'))  # warm-up
    torch.cuda.synchronize(); t = time.perf_counter()
    r = reconstruction_entropy(x, xe, progress=False, **kw)
    torch.cuda.synchronize(); dt = time.perf_counter() - t
    res[tag] = dict(seconds=dt, fit_s=r.timings['fit_s'], eval_s=r.timings['eval_s'], kl_cutoff=r.kl_cutoff[r.etas[0]].tolist(), sw2=r.sw2.tolist())
    print(f"{tag}: {dt:.3f} s (fit {r.timings['fit_s']:.3f}, entropies {r.timings['eval_s']:.3f}); cutoffs {res[tag]['kl_cutoff']}", flush=True)
timed('lstsq_1net_d100', sw2=[1.76], depth=100, method='lstsq')
timed('lstsq_1net_d100_again', sw2=[1.76], depth=100, method='lstsq')
timed('parallel_1net_d100', sw2=[1.76], depth=100, method='parallel')
timed('lstsq_12net_d100', sw2=[0.5, 0.75, 1., 1.25, 1.5, 1.76, 2., 2.5, 3., 4., 5., 6.], depth=100, method='lstsq')
timed('lstsq_1net_d30', sw2=[1.76], depth=30, method='lstsq')
# the three fitting methods on the CPU benchmark's configuration (depth 30, width 784, 10,000 images, one epoch, 3 networks)
from recent_nb.nets import MLPEnsemble, layer_widths
from recent_nb.cascade import fit_cascade
for m in ('sequential', 'parallel', 'lstsq'):
    net = MLPEnsemble(layer_widths(784, 10, 30, 784), sw2=[1., 1.76, 6.], sb2=.05, seed=0, device='cuda')
    fit_cascade(net, x[:640], m); torch.cuda.synchronize(); t = time.perf_counter()
    fit_cascade(net, x[:10000], m); torch.cuda.synchronize(); res[f'fit_{m}_3net_d30_10k'] = dict(seconds=time.perf_counter() - t)
    print(f"fit {m}, 3 networks, depth 30, 10,000 images: {res[f'fit_{m}_3net_d30_10k']['seconds']:.2f} s", flush=True)
# one epoch of training the deep network itself (SGD, lr 1e-3, batch 64, cross-entropy), for Table 1's comparison
_, y, _ = load_dataset('mnist', os.environ['RECENT_DATA'], device='cuda')
ws = [784]*99 + [400, 10]
net = torch.nn.Sequential(*[m for a, b in zip(ws[:-1], ws[1:]) for m in (torch.nn.Linear(a, b), torch.nn.Tanh())][:-1]).cuda()
opt = torch.optim.SGD(net.parameters(), lr=1e-3)
def epoch():
    perm = torch.randperm(len(x), device='cuda')
    for i in range(0, len(x), 64):
        idx = perm[i:i+64]; loss = torch.nn.functional.cross_entropy(net(x[idx]), y[idx])
        opt.zero_grad(); loss.backward(); opt.step()
epoch(); torch.cuda.synchronize(); t = time.perf_counter(); epoch(); torch.cuda.synchronize()
res['train_one_epoch_d100'] = dict(seconds=time.perf_counter() - t)
print(f"one training epoch of the 100-layer network (batch 64): {res['train_one_epoch_d100']['seconds']:.2f} s")
json.dump(res, open(f'{out}/gpu_bench.json', 'w'), indent=1)
