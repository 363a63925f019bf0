#!/usr/bin/env python3
"""The PyTorch side of make bench's remedy-step rows.

    python3 remedy_step_peer.py [--threads N] STEPS METHOD [METHOD ...]
    python3 remedy_step_peer.py --adam

Times training steps of each method of `ganbook demo mode-collapse` (vanilla,
pacgan, minibatch, unrolled, dragan, ebgan, mad-gan, mrgan) in the demo's
setting (Sources/Demos/CollapseMethod.swift, CollapseSetting): the ring, batch
128, z of 2; G 2 -> 128 -> 128 -> 2 (ReLU; 2k outputs for MAD-GAN's k = 4
generators, which share all layers but the last); D input x 0.25 -> 128 ReLU
-> 1 logit (2 values for EBGAN's autoencoder, 5 classes for MAD-GAN);
orthogonal initial weights with gain 0.8; Adam, lr 1e-3, betas (0.5, 0.999);
the non-saturating G loss; one D update per G update. Each remedy's losses are
those of Tests/GANTests/Fixtures/make_remedy_fixtures.py (which checks
ganbook's gradients against autograd), copied here: unrolled K = 5, DRAGAN
lambda 10, EBGAN margin 1 and pulling-away weight 0.1, MRGAN lambda1 0.2 and
lambda2 0.4, minibatch discrimination 5 kernels of dimension 5.

A step does what ganbook's GANTrainer.step() does: a fresh batch, D's update,
a fresh batch, G's update (and E's, for MRGAN). For the Unrolled GAN one batch:
K Adam steps of D from its optimiser's state, kept on the graph
(create_graph=True), G's gradient through them, G's update, then D's update with
its first-step gradient. Where ganbook passes real and fake through D as one
stacked batch (vanilla, PacGAN), so does the peer. The peer gets PyTorch's
quickest form of the same work: torch.addmm for the layers, gradients only for
the player being updated (torch.autograd.grad), the fakes for D's update made
under no_grad, and Adam's fused CPU implementation (fused=True; on these
shapes the loop, foreach and fused forms take the same time: `--adam` times them).

CPU, torch.set_num_threads(2) (--threads 1 for one). Prints one JSON line per method: the median step
time in seconds, timed inside the process after 10 warm-up steps. Exits with
status 3 when torch is not installed.
"""
import json
import math
import sys
import time

try:
    import torch
    import torch.nn.functional as F
except ImportError:
    sys.exit(3)

torch.set_num_threads(2)
M, ZDIM, DIM, HIDDEN = 128, 2, 2, 128
LR, BETAS = 1e-3, (0.5, 0.999)


def ring(n):
    """8 Gaussians on a circle of radius 2, sigma 0.02 (ganbook's Target.ring)."""
    angle = 2 * math.pi * torch.randint(0, 8, (n,)).float() / 8
    return torch.stack([2 * torch.cos(angle), 2 * torch.sin(angle)], dim=1) + 0.02 * torch.randn(n, 2)


def mlp_params(sizes):
    """W (in x out) and b per layer, W orthogonal with gain 0.8 (Metz et al. 2017)."""
    params = []
    for i, o in zip(sizes[:-1], sizes[1:]):
        w = torch.empty(i, o)
        torch.nn.init.orthogonal_(w, gain=0.8)
        params += [w, torch.zeros(1, o)]
    return [p.requires_grad_() for p in params]


def mlp(x, params, scale=1.0, minibatch=None):
    """Hidden layers relu(xW + b); the last layer is linear. Returns (output, last hidden)."""
    h = x * scale if scale != 1.0 else x
    layers = len(params) // 2
    for i in range(layers - 1):
        h = F.relu(torch.addmm(params[2 * i + 1], h, params[2 * i]))
    features = h
    if minibatch is not None:
        features = torch.cat([h, minibatch_features(h, *minibatch)], dim=1)
    return torch.addmm(params[-1], features, params[-2]), h


def minibatch_features(f, t, bias, kernels, dim):
    """Salimans et al. 2016 §3.2: M = f·T, c_b(i,j) = exp(-||M_ib - M_jb||_1),
    o_b(i) = sum over j != i (improved-gan nn.py MinibatchLayer excludes j = i), plus a bias."""
    m = (f @ t).reshape(-1, kernels, dim)
    distance = (m.unsqueeze(0) - m.unsqueeze(1)).abs().sum(dim=3)  # n x n x B
    n = f.shape[0]
    mask = 1 - torch.eye(n).unsqueeze(2)
    return (torch.exp(-distance) * mask).sum(dim=1) + bias


def bce_d(real, fake):
    """Goodfellow et al. 2014 eq. 1 as a loss: -E log D(x) - E log(1 - D(G(z)))."""
    return F.softplus(-real).mean() + F.softplus(fake).mean()


def nonsaturating(fake):
    return F.softplus(-fake).mean()


def pulling_away(s):
    """Zhao et al. 2017 §2.4: mean squared cosine similarity over pairs i != j."""
    unit = s / ((s ** 2).sum(dim=1, keepdim=True) + 1e-12).sqrt()
    cosine = unit @ unit.T
    n = s.shape[0]
    return ((cosine * (1 - torch.eye(n))) ** 2).sum() / (n * (n - 1))


def adam(params, implementation):
    options = {"loop": dict(foreach=False), "foreach": dict(foreach=True), "fused": dict(fused=True)}[implementation]
    return torch.optim.Adam(params, lr=LR, betas=BETAS, **options)


def update(optimizer, params, loss):
    for p, g in zip(params, torch.autograd.grad(loss, params)):
        p.grad = g
    optimizer.step()


def make_step(method, implementation):
    """A function that does one training step of `method`, on fresh networks."""
    torch.manual_seed(1)
    k = 4 if method == "mad-gan" else 1
    pack = 2 if method == "pacgan" else 1
    g = mlp_params([ZDIM, HIDDEN, HIDDEN, DIM * k])
    outputs = {"ebgan": DIM, "mad-gan": k + 1}.get(method, 1)
    mb = None
    if method == "minibatch":
        d = mlp_params([DIM, HIDDEN])
        t = torch.empty(HIDDEN, 25)
        torch.nn.init.orthogonal_(t, gain=0.8)
        mb = (t.requires_grad_(), torch.zeros(1, 5, requires_grad=True), 5, 5)
        d += mlp_params([HIDDEN + 5, 1]) + [mb[0], mb[1]]
        d_layers = d[:4]
    else:
        d = mlp_params([DIM * pack, HIDDEN, outputs])
        d_layers = d
    e = mlp_params([DIM, HIDDEN, HIDDEN, ZDIM]) if method == "mrgan" else []
    opt_g, opt_d = adam(g, implementation), adam(d, implementation)
    opt_e = adam(e, implementation) if e else None

    def D(x):
        return mlp(x.reshape(-1, DIM * pack), d_layers, 0.25, mb)[0]

    def G(z):
        out = mlp(z, g)[0]
        if k == 1:
            return out
        return out.reshape(-1, k, DIM)[torch.arange(z.shape[0]), torch.arange(z.shape[0]) % k]

    def energy(x):
        recon, code = mlp(x, d, 0.25)
        return ((recon - x) ** 2).sum(dim=1).sqrt(), code

    def d_loss(real, fake):
        if method in ("vanilla", "pacgan"):
            out = D(torch.cat([real, fake]))
            half = out.shape[0] // 2
            return bce_d(out[:half], out[half:])
        if method == "dragan":
            uniform = torch.rand(M, DIM + 1)
            spread = real.std(unbiased=False)
            x_hat = (real + uniform[:, DIM:] * 0.5 * spread * uniform[:, :DIM]).requires_grad_()
            slope = torch.autograd.grad(D(x_hat).sum(), x_hat, create_graph=True)[0]
            return bce_d(D(real), D(fake)) + 10.0 * ((slope.norm(dim=1) - 1.0) ** 2).mean()
        if method == "ebgan":
            return energy(real)[0].mean() + F.relu(1.0 - energy(fake)[0]).mean()
        if method == "mad-gan":
            labels = torch.arange(M) % k
            return F.cross_entropy(D(real), torch.full((M,), k)) + F.cross_entropy(D(fake), labels)
        return bce_d(D(real), D(fake))  # minibatch, mrgan

    def g_loss(real, z):
        fake = G(z)
        if method == "ebgan":
            e_fake, code = energy(fake)
            return e_fake.mean() + 0.1 * pulling_away(code)
        if method == "mad-gan":
            return F.cross_entropy(D(fake), torch.full((M,), k))
        if method == "mrgan":
            recon = G(mlp(real, e)[0])
            return (nonsaturating(D(fake)) + 0.2 * ((real - recon) ** 2).sum(dim=1).mean()
                    + 0.4 * nonsaturating(D(recon)))
        return nonsaturating(D(fake))

    def step():
        real, z = ring(M), torch.randn(M, ZDIM)
        with torch.no_grad():
            fake = G(z)
        update(opt_d, d, d_loss(real, fake))
        real, z = ring(M), torch.randn(M, ZDIM)
        if e:
            update_both(g_loss(real, z))
        else:
            update(opt_g, g, g_loss(real, z))

    def update_both(loss):
        gradients = torch.autograd.grad(loss, g + e)
        for p, gr in zip(g + e, gradients):
            p.grad = gr
        opt_g.step()
        opt_e.step()

    def unrolled_step(steps=5):
        """Metz et al. 2017 §2.1-2.2, as make_remedy_fixtures.py's case_unrolled,
        from D's optimiser state."""
        real, z = ring(M), torch.randn(M, ZDIM)
        fake = G(z)
        b1, b2, eps = BETAS[0], BETAS[1], 1e-8
        state = [opt_d.state.get(p, {}) for p in d]
        m = [s["exp_avg"] if s else torch.zeros_like(p) for s, p in zip(state, d)]
        v = [s["exp_avg_sq"] if s else torch.zeros_like(p) for s, p in zip(state, d)]
        t = int(state[0]["step"]) if state[0] else 0
        theta, first = list(d), None
        for i in range(steps):
            loss = bce_d(mlp(real, theta, 0.25)[0], mlp(fake, theta, 0.25)[0])
            grad = torch.autograd.grad(loss, theta, create_graph=True)
            if i == 0:
                first = [gr.detach() for gr in grad]
            t += 1
            c1, c2 = 1 - b1 ** t, 1 - b2 ** t
            m = [b1 * mi + (1 - b1) * gi for mi, gi in zip(m, grad)]
            v = [b2 * vi + (1 - b2) * gi * gi for vi, gi in zip(v, grad)]
            theta = [p - LR * (mi / c1) / ((vi / c2).sqrt() + eps) for p, mi, vi in zip(theta, m, v)]
        value = -bce_d(mlp(real, theta, 0.25)[0], mlp(fake, theta, 0.25)[0])
        update(opt_g, g, value)
        for p, gr in zip(d, first):
            p.grad = gr
        opt_d.step()

    return unrolled_step if method == "unrolled" else step


def median_step(method, steps, implementation):
    step = make_step(method, implementation)
    for _ in range(10):
        step()
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


if __name__ == "__main__":
    if sys.argv[1:] == ["--adam"]:
        for kind in ("loop", "foreach", "fused"):
            print(json.dumps({"adam": kind, **{name: median_step(name, 200, kind) for name in ("vanilla", "mrgan")}}))
        sys.exit(0)
    arguments = sys.argv[1:]
    if arguments[0] == "--threads":
        torch.set_num_threads(int(arguments[1]))
        arguments = arguments[2:]
    count, methods = int(arguments[0]), arguments[1:]
    for name in methods:
        print(json.dumps({"method": name, "step": median_step(name, count, "fused"), "adam": "fused",
                          "threads": torch.get_num_threads(), "torch": torch.__version__}), flush=True)
