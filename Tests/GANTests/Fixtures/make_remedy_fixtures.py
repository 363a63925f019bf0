"""Reference losses and gradients for ganbook's mode-collapse remedies, by
PyTorch autograd (torch 2.13 CPU, float32), from fixed weights and a fixed
batch. Run once; the Swift tests (RemedyFixtureTests) read remedies.json and
never run Python.

    python3 Tests/GANTests/Fixtures/make_remedy_fixtures.py

Shapes (small, so that the file stays readable): data dimension 2, z of 3,
G: 3 -> 5 -> 5 -> 2k (ReLU), D: 2·pack -> input × 0.25 -> 5 -> out (ReLU, or
leaky 0.2 for the vanilla case), E (MRGAN): 2 -> 5 -> 5 -> 3, batch 6.
A weight W is stored in × out, row-major, as the Swift networks keep it
(y = x·W + b). Each formula below is written from its paper, independently
of the Swift code; the docstrings name the source.
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float32)
rng = np.random.default_rng(20261207)
N, ZDIM, DIM, HIDDEN = 6, 3, 2, 5


def tensor(shape, scale=0.6):
    return torch.tensor(rng.uniform(-scale, scale, size=shape), dtype=torch.float32)


def mlp_params(sizes):
    params = []
    for i, o in zip(sizes[:-1], sizes[1:]):
        params += [tensor((i, o)), tensor((1, o), 0.1)]
    return [p.requires_grad_() for p in params]


def mlp(x, params, slope, scale=1.0, minibatch=None):
    """Hidden layers act(xW + b); the last layer is linear. Returns (output, last hidden)."""
    h = x * scale
    layers = len(params) // 2
    for i in range(layers - 1):
        z = h @ params[2 * i] + params[2 * i + 1]
        h = F.leaky_relu(z, slope) if slope > 0 else F.relu(z)
    features = h
    if minibatch is not None:
        features = torch.cat([h, minibatch_features(h, *minibatch)], dim=1)
    return features @ params[-2] + params[-1], h


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


def flat(ts):
    return [t.detach().reshape(-1).tolist() for t in ts]


def grads(loss, params):
    return flat(torch.autograd.grad(loss, params, retain_graph=True, allow_unused=False))


def batch():
    real = tensor((N, DIM), 2.0)
    noise = torch.tensor(rng.standard_normal((N, ZDIM)), dtype=torch.float32)
    uniform = torch.tensor(rng.uniform(0, 1, size=(N, DIM + 1)), dtype=torch.float32)
    return real, noise, uniform


def case_gan(name, slope=0.0, pack=1, kernels=0):
    """Vanilla, PacGAN and minibatch discrimination: D's BCE loss; G's minimax
    and non-saturating losses (ibid. §3)."""
    real, noise, uniform = batch()
    g = mlp_params([ZDIM, HIDDEN, HIDDEN, DIM])
    d_sizes = [DIM * pack, HIDDEN, 1] if kernels == 0 else [DIM, HIDDEN]
    d = mlp_params(d_sizes)
    mb = None
    if kernels:
        t, b = tensor((HIDDEN, kernels * 5), 0.3).requires_grad_(), tensor((1, kernels), 0.5).requires_grad_()
        last = [tensor((HIDDEN + kernels, 1)).requires_grad_(), tensor((1, 1), 0.1).requires_grad_()]
        d = d + last
        mb = (t, b, kernels, 5)
    fake = mlp(noise, g, 0.0)[0]
    packed = lambda x: x.reshape(-1, DIM * pack)
    d_out = lambda x: mlp(packed(x), d, slope, 0.25, mb)[0]
    d_loss = bce_d(d_out(real), d_out(fake))
    # Swift order: W0, b0, ..., W_last, b_last, then T and its bias.
    order = d + [mb[0], mb[1]] if mb else d
    minimax = -F.softplus(d_out(fake)).mean()
    nonsat = F.softplus(-d_out(fake)).mean()
    return dict(
        name=name, real=flat([real])[0], noise=flat([noise])[0], uniform=flat([uniform])[0],
        g=flat(g), d=flat(order),
        dLoss=d_loss.item(), dGradients=grads(d_loss, order),
        minimaxLoss=minimax.item(), minimaxGradients=grads(minimax, g),
        nonsaturatingLoss=nonsat.item(), nonsaturatingGradients=grads(nonsat, g))


def case_dragan(lam=10.0, k=1.0):
    """Kodali et al. 2017 §4, as the authors' code computes it (DRAGAN.ipynb):
    x_p = x + 0.5 std(x) u, x_hat = x + alpha (x_p - x), penalty on the logit."""
    real, noise, uniform = batch()
    g, d = mlp_params([ZDIM, HIDDEN, HIDDEN, DIM]), mlp_params([DIM, HIDDEN, 1])
    d_out = lambda x: mlp(x, d, 0.0, 0.25)[0]
    fake = mlp(noise, g, 0.0)[0]
    spread = real.std(unbiased=False)
    x_hat = (real + uniform[:, DIM:] * 0.5 * spread * uniform[:, :DIM]).detach().requires_grad_()
    slope = torch.autograd.grad(d_out(x_hat).sum(), x_hat, create_graph=True)[0]
    penalty = lam * ((slope.norm(dim=1) - k) ** 2).mean()
    d_loss = bce_d(d_out(real), d_out(fake)) + penalty
    g_loss = F.softplus(-d_out(fake)).mean()
    return dict(name="dragan", real=flat([real])[0], noise=flat([noise])[0], uniform=flat([uniform])[0],
                g=flat(g), d=flat(d), penalty=penalty.item(),
                dLoss=d_loss.item(), dGradients=grads(d_loss, d), gLoss=g_loss.item(), gGradients=grads(g_loss, g))


def case_ebgan(margin=1.0, weight=0.1):
    """Zhao et al. 2017: energy ||Dec(Enc(x)) - x|| (§2.3); L_D = D(x) + [m - D(G(z))]+,
    L_G = D(G(z)) + w f_PT(S) (§2.1, §2.4), S = the encoder's output of the fakes."""
    real, noise, uniform = batch()
    g, d = mlp_params([ZDIM, HIDDEN, HIDDEN, DIM]), mlp_params([DIM, HIDDEN, DIM])
    fake = mlp(noise, g, 0.0)[0]

    def energy(x):
        recon, code = mlp(x, d, 0.0, 0.25)
        return ((recon - x) ** 2).sum(dim=1).sqrt(), code

    def pulling_away(s):
        unit = s / ((s ** 2).sum(dim=1, keepdim=True) + 1e-12).sqrt()
        cosine = unit @ unit.T
        n = s.shape[0]
        return ((cosine * (1 - torch.eye(n))) ** 2).sum() / (n * (n - 1))

    d_loss = energy(real)[0].mean() + F.relu(margin - energy(fake)[0]).mean()
    e_fake, code = energy(fake)
    pt = pulling_away(code)
    g_loss = e_fake.mean() + weight * pt
    return dict(name="ebgan", real=flat([real])[0], noise=flat([noise])[0], uniform=flat([uniform])[0],
                g=flat(g), d=flat(d), pullingAway=pt.item(),
                dLoss=d_loss.item(), dGradients=grads(d_loss, d), gLoss=g_loss.item(), gGradients=grads(g_loss, g))


def case_madgan(k=3):
    """Ghosh et al. 2018: generators share all layers but the last; D has k + 1
    classes (real = k); row i of the batch comes from generator i mod k."""
    real, noise, uniform = batch()
    g, d = mlp_params([ZDIM, HIDDEN, HIDDEN, DIM * k]), mlp_params([DIM, HIDDEN, k + 1])
    heads = mlp(noise, g, 0.0)[0].reshape(N, k, DIM)
    fake = heads[torch.arange(N), torch.arange(N) % k]
    d_out = lambda x: mlp(x, d, 0.0, 0.25)[0]
    real_labels = torch.full((N,), k, dtype=torch.long)
    d_loss = F.cross_entropy(d_out(real), real_labels) + F.cross_entropy(d_out(fake), torch.arange(N) % k)
    g_loss = F.cross_entropy(d_out(fake), real_labels)
    return dict(name="madgan", real=flat([real])[0], noise=flat([noise])[0], uniform=flat([uniform])[0],
                g=flat(g), d=flat(d),
                dLoss=d_loss.item(), dGradients=grads(d_loss, d), gLoss=g_loss.item(), gGradients=grads(g_loss, g))


def case_mrgan(l1=0.2, l2=0.4):
    """Che et al. 2017 §3.1: G minimises -E log D(G(z)) + E[l1 ||x - G(E(x))||^2
    + l2 (-log D(G(E(x))))] (the mode term with the sign that keeps G∘E(x) real);
    E minimises the bracket."""
    real, noise, uniform = batch()
    g, d = mlp_params([ZDIM, HIDDEN, HIDDEN, DIM]), mlp_params([DIM, HIDDEN, 1])
    e = mlp_params([DIM, HIDDEN, HIDDEN, ZDIM])
    d_out = lambda x: mlp(x, d, 0.0, 0.25)[0]
    fake = mlp(noise, g, 0.0)[0]
    recon = mlp(mlp(real, e, 0.0)[0], g, 0.0)[0]
    g_loss = (F.softplus(-d_out(fake)).mean() + l1 * ((real - recon) ** 2).sum(dim=1).mean()
              + l2 * F.softplus(-d_out(recon)).mean())
    d_loss = bce_d(d_out(real), d_out(fake))
    return dict(name="mrgan", real=flat([real])[0], noise=flat([noise])[0], uniform=flat([uniform])[0],
                g=flat(g), d=flat(d), e=flat(e),
                dLoss=d_loss.item(), dGradients=grads(d_loss, d), gLoss=g_loss.item(), gGradients=grads(g_loss, g),
                eGradients=grads(g_loss, e))


def case_unrolled(steps=3, lr=0.05, b1=0.5, b2=0.999, eps=1e-8, taken=3):
    """Metz et al. 2017 §2.1-2.2: theta_D advanced K Adam steps on one batch,
    differentiated through (create_graph); G minimises f_K = -L_D(theta_D^K)."""
    real, noise, uniform = batch()
    g, d = mlp_params([ZDIM, HIDDEN, HIDDEN, DIM]), mlp_params([DIM, HIDDEN, 1])
    first = [tensor(p.shape, 0.01) for p in d]
    second = [tensor(p.shape, 0.01).abs() + 1e-4 for p in d]
    fake = mlp(noise, g, 0.0)[0]
    theta, m, v, t = list(d), list(first), list(second), taken
    d_gradient = None
    for k in range(steps):
        loss = bce_d(mlp(real, theta, 0.0, 0.25)[0], mlp(fake, theta, 0.0, 0.25)[0])
        grad = torch.autograd.grad(loss, theta, create_graph=True)
        if k == 0:
            d_gradient = flat(grad)
        t += 1
        c1, c2 = 1 - b1 ** t, 1 - b2 ** t
        m = [b1 * mi + (1 - b1) * gi for mi, gi in zip(m, grad)]
        v = [b2 * vi + (1 - b2) * gi * gi for vi, gi in zip(v, grad)]
        theta = [p - lr * (mi / c1) / ((vi / c2).sqrt() + eps) for p, mi, vi in zip(theta, m, v)]
    value = -bce_d(mlp(real, theta, 0.0, 0.25)[0], mlp(fake, theta, 0.0, 0.25)[0])
    full = grads(value, g)
    # The first-order surrogate for comparison: the same theta_D^K held fixed.
    fixed = [p.detach() for p in theta]
    value_fixed = -bce_d(mlp(real, fixed, 0.0, 0.25)[0], mlp(fake, fixed, 0.0, 0.25)[0])
    return dict(name="unrolled", real=flat([real])[0], noise=flat([noise])[0], uniform=flat([uniform])[0],
                g=flat(g), d=flat(d), adamFirst=flat(first), adamSecond=flat(second), adamSteps=taken,
                learningRate=lr, unrollSteps=steps,
                gLoss=value.item(), gGradients=full, firstOrderGradients=grads(value_fixed, g),
                dGradients=d_gradient)


cases = [case_gan("vanilla", slope=0.2), case_gan("pacgan", pack=2), case_gan("minibatch", kernels=3),
         case_dragan(), case_ebgan(), case_madgan(), case_mrgan(), case_unrolled()]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "remedies.json")
with open(out, "w") as f:
    json.dump(dict(torch=torch.__version__, cases=cases), f, indent=0)
print("wrote", out)
