"""The batched sweep against one network at a time, on a GPU, on the quick grid of nbs/07_train (numbers in nbs/90_benchmarks).

Run on a CUDA machine: RECENT_DATA=/path/to/data OUT=/tmp python .ci/gpu_sweep_benchmark.py"""
import time, json, os, numpy as np, torch
from recent_nb.data import load_dataset
from recent_nb.train import train_ensemble
out, root = os.environ.get('OUT', '/tmp'), os.environ['RECENT_DATA']
x, y, _ = load_dataset('mnist', root, norm='centered', limit=10000, device='cuda')
xt, yt, _ = load_dataset('mnist', root, train=False, norm='centered', device='cuda')
sw2, depths = np.linspace(0.5, 4, 12).round(10), list(range(5, 51, 5))
print(torch.cuda.get_device_name(), torch.__version__, 'grid', len(depths), 'x', len(sw2), flush=True)
train_ensemble(x[:512], y[:512], xt, yt, 5, sw2[:2], epochs=1)    # warm-up
res = {}
for how in ('batched', 'one_at_a_time'):
    torch.cuda.synchronize(); t = time.perf_counter(); acc = []
    for d in depths:
        if how == 'batched': acc.append(train_ensemble(x, y, xt, yt, d, sw2, width=256, epochs=2)['test_acc'][:, -1])
        else: acc.append(np.concatenate([train_ensemble(x, y, xt, yt, d, [s], width=256, epochs=2)['test_acc'][:, -1] for s in sw2]))
    torch.cuda.synchronize(); res[how] = dict(seconds=time.perf_counter() - t, test_acc=np.array(acc).tolist())
    print(f"{how}: {res[how]['seconds']:.1f} s", flush=True)
res['ratio'] = res['one_at_a_time']['seconds']/res['batched']['seconds']
res['max_abs_acc_diff'] = float(np.abs(np.array(res['batched']['test_acc']) - np.array(res['one_at_a_time']['test_acc'])).max())
print(f"one at a time / batched: {res['ratio']:.1f} x; largest difference in final test accuracy: {res['max_abs_acc_diff']:.4f}")
json.dump(res, open(f'{out}/gpu_sweep_bench.json', 'w'), indent=1)
