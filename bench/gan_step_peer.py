#!/usr/bin/env python3
"""The PyTorch side of make bench's GAN-step row.

    python3 gan_step_peer.py STEPS

One training step = one D step and one G step of a GAN on the 8-Gaussian
ring: G 2→128→128→2 (ReLU), D 2→128→128→1 (LeakyReLU 0.2), batch 256, Adam
(lr 1e-3, betas 0.5/0.999), non-saturating loss, CPU, torch.set_num_threads(2).
Prints the median step time in seconds as JSON, timed inside the process.
Exits with status 3 when torch is not installed.
"""
import json
import math
import sys
import time

try:
    import torch
    from torch import nn
except ImportError:
    sys.exit(3)

torch.set_num_threads(2)
torch.manual_seed(1)


def ring(n):
    k = torch.randint(0, 8, (n,))
    angle = 2 * math.pi * k.float() / 8
    centres = torch.stack([2 * torch.cos(angle), 2 * torch.sin(angle)], dim=1)
    return centres + 0.02 * torch.randn(n, 2)


G = nn.Sequential(nn.Linear(2, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 2))
D = nn.Sequential(nn.Linear(2, 128), nn.LeakyReLU(0.2), nn.Linear(128, 128), nn.LeakyReLU(0.2), nn.Linear(128, 1))
opt_g = torch.optim.Adam(G.parameters(), lr=1e-3, betas=(0.5, 0.999))
opt_d = torch.optim.Adam(D.parameters(), lr=1e-3, betas=(0.5, 0.999))
bce = nn.BCEWithLogitsLoss()
m = 256


def step():
    real = ring(m)
    fake = G(torch.randn(m, 2)).detach()
    opt_d.zero_grad()
    loss_d = bce(D(real), torch.ones(m, 1)) + bce(D(fake), torch.zeros(m, 1))
    loss_d.backward()
    opt_d.step()
    opt_g.zero_grad()
    loss_g = bce(D(G(torch.randn(m, 2))), torch.ones(m, 1))
    loss_g.backward()
    opt_g.step()


steps = int(sys.argv[1])
for _ in range(20):
    step()
times = []
for _ in range(steps):
    start = time.perf_counter()
    step()
    times.append(time.perf_counter() - start)
print(json.dumps({"gan_step": sorted(times)[len(times) // 2], "torch": torch.__version__}))
