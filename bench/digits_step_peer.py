#!/usr/bin/env python3
"""The PyTorch side of make bench's digits-step row.

    python3 digits_step_peer.py [--threads N] STEPS

One training step of `ganbook demo digits`'s default GAN
(Sources/Demos/DigitsDemo.swift, DigitsSetting): the bundled training digits
(data/digits/digits.csv, split "train", pixels / 16 scaled to [-1, 1]), batch
64, z of 16; G 16 -> 128 -> 128 -> 64 (ReLU, linear output); D 64 -> 128 ->
128 -> 1 (LeakyReLU 0.2); Glorot-uniform weights, zero biases; Adam, lr 1e-3,
betas (0.5, 0.999); the non-saturating G loss; one D update per G update.

A step does what ganbook's GANTrainer.step() does: a fresh batch of real
digits and fakes (made under no_grad), D's update on real and fake stacked in
one pass, then fresh noise and G's update. The peer gets PyTorch's quickest
form of the same work: torch.addmm for the layers, gradients only for the
player being updated (torch.autograd.grad) and Adam's fused CPU implementation.

CPU, torch.set_num_threads(2) (--threads 1 for one). Prints one JSON line:
the median step time in seconds, timed inside the process after 20 warm-up
steps. Exits with status 3 when torch is not installed.
"""
import csv
import json
import os
import sys
import time

try:
    import torch
    import torch.nn.functional as F
except ImportError:
    sys.exit(3)

args = sys.argv[1:]
threads = 2
if args[:1] == ["--threads"]:
    threads, args = int(args[1]), args[2:]
torch.set_num_threads(threads)
torch.manual_seed(1)
M, ZDIM, DIM, HIDDEN, LR, BETAS = 64, 16, 64, 128, 1e-3, (0.5, 0.999)

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
with open(os.path.join(root, "data", "digits", "digits.csv")) as f:
    rows = [r for r in csv.reader(f)][1:]
REAL = torch.tensor([[int(v) / 16 * 2 - 1 for v in r[2:]] for r in rows if r[0] == "train"])


def mlp_params(sizes):
    params = []
    for i, o in zip(sizes[:-1], sizes[1:]):
        w = torch.empty(i, o)
        torch.nn.init.xavier_uniform_(w)
        params += [w, torch.zeros(1, o)]
    return [p.requires_grad_() for p in params]


def forward(x, params, slope):
    h = x
    for i in range(len(params) // 2 - 1):
        h = torch.addmm(params[2 * i + 1], h, params[2 * i])
        h = F.leaky_relu(h, slope) if slope else F.relu(h)
    return torch.addmm(params[-1], h, params[-2])


g = mlp_params([ZDIM, HIDDEN, HIDDEN, DIM])
d = mlp_params([DIM, HIDDEN, HIDDEN, 1])
opt_g = torch.optim.Adam(g, lr=LR, betas=BETAS, fused=True)
opt_d = torch.optim.Adam(d, lr=LR, betas=BETAS, fused=True)
labels = torch.cat([torch.ones(M, 1), torch.zeros(M, 1)])


def step():
    real = REAL[torch.randint(0, len(REAL), (M,))]
    with torch.no_grad():
        fake = forward(torch.randn(M, ZDIM), g, 0)
    loss_d = 2 * F.binary_cross_entropy_with_logits(forward(torch.cat([real, fake]), d, 0.2), labels)
    for p, grad in zip(d, torch.autograd.grad(loss_d, d)):
        p.grad = grad
    opt_d.step()
    out = forward(forward(torch.randn(M, ZDIM), g, 0), d, 0.2)
    loss_g = F.softplus(-out).mean()
    for p, grad in zip(g, torch.autograd.grad(loss_g, g)):
        p.grad = grad
    opt_g.step()


steps = int(args[0])
for _ in range(20):
    step()
times = []
for _ in range(steps):
    start = time.perf_counter()
    step()
    times.append(time.perf_counter() - start)
print(json.dumps({"digits_step": sorted(times)[len(times) // 2], "torch": torch.__version__, "threads": threads}))
