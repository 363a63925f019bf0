"""Reference losses and parameter gradients for the networks of
`ganbook demo digits`, by PyTorch autograd (CPU, float32), from fixed weights
and one fixed batch. Run once from the repository's root; the Swift test
(DigitsGradientFixtureTests) reads digits-gradients.json and never runs Python.

    python3 Tests/DemosTests/Fixtures/make_digits_gradient_fixtures.py

The networks, as DigitsSetting.configuration builds them (Sources/Demos/DigitsDemo.swift):
    G: z (16) -> 128 ReLU -> 128 ReLU -> 64, linear output (pixels in [-1, 1])
    D: x (64) -> 128 LeakyReLU(0.2) -> 128 LeakyReLU(0.2) -> 1 logit
A weight W is in x out, row-major, as the Swift networks keep it (y = x W + b).

Fixed weights, with no file of them: the k-th value of a network (counting
through W0, b0, W1, b1, ... in that order) is s * (u / 32768 - 1), where u is
the top 16 bits of the k-th output of SplitMix64 seeded with the network's seed
(G 0x6A11, D 0xD15C) and s is 1/4 for G's first layer, 1/16 for every bias and
1/8 otherwise. Every such value is exact in float32, so both sides start from
the same bits.

The batch: 64 real images, the first 64 training digits of data/digits/digits.csv
as the demo scales them (2 * level / 16 - 1); 64 noise vectors z ~ N(0, I) and
64 interpolation weights eps ~ U(0, 1) from numpy's generator, written out.

Losses, each written from its paper (independently of the Swift code):
- D, standard GAN: -mean log sigmoid(D(x)) - mean log(1 - sigmoid(D(G(z))))
  (Goodfellow et al. 2014, eq. 1, as a loss to minimise);
- G, minimax: mean log(1 - sigmoid(D(G(z)))) (ibid., eq. 1);
- G, non-saturating: -mean log sigmoid(D(G(z))) (ibid., section 3); the default;
- critic, WGAN: mean f(G(z)) - mean f(x); G: -mean f(G(z)) (Arjovsky et al. 2017, Alg. 1);
- WGAN-GP's penalty: 10 * mean (||grad_x f(x_hat)|| - 1)^2, x_hat = eps x + (1 - eps) G(z),
  G(z) held fixed (Gulrajani et al. 2017, Alg. 1).
"""
import csv
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float32)
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..", "..")
BATCH, ZDIM, PIXELS, HIDDEN, LAMBDA = 64, 16, 64, 128, 10.0
M64 = (1 << 64) - 1


def splitmix(seed):
    x = seed
    while True:
        x = (x + 0x9E3779B97F4A7C15) & M64
        z = x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        yield z ^ (z >> 31)


def network(seed, sizes):
    """[W0, b0, W1, b1, ...] by the rule in the docstring, as leaf tensors."""
    stream = splitmix(seed)
    params = []
    for layer, (i, o) in enumerate(zip(sizes[:-1], sizes[1:])):
        for shape, scale in (((i, o), 0.25 if seed == 0x6A11 and layer == 0 else 0.125), ((o,), 0.0625)):
            count = int(np.prod(shape))
            values = [scale * ((next(stream) >> 48) / 32768 - 1) for _ in range(count)]
            params.append(torch.tensor(values, dtype=torch.float32).reshape(shape).requires_grad_())
    return params


def mlp(x, params, hidden):
    """Hidden layers act(x W + b), a linear last layer."""
    h = x
    for k in range(0, len(params) - 2, 2):
        h = hidden(h @ params[k] + params[k + 1])
    return h @ params[-2] + params[-1]


def real_batch():
    with open(os.path.join(ROOT, "data", "digits", "digits.csv")) as f:
        rows = [r for r in csv.DictReader(f) if r["split"] == "train"][:BATCH]
    levels = [[int(r[f"r{i // 8}c{i % 8}"]) for i in range(PIXELS)] for r in rows]
    return torch.tensor(np.array(levels, dtype=np.float32) / 16 * 2 - 1)


def grads(loss, params):
    """dloss/dparams; a parameter the loss does not reach (D's last bias, for the
    penalty on a gradient with respect to x) has gradient 0."""
    found = torch.autograd.grad(loss, params, retain_graph=True, allow_unused=True)
    return [torch.zeros_like(p).reshape(-1) if g is None else g.detach().reshape(-1) for g, p in zip(found, params)]


def numbers(values):
    """float32 values in their shortest round-trip form."""
    return "[" + ",".join(str(np.float32(v)) for v in np.asarray(values, dtype=np.float32).reshape(-1)) + "]"


def main():
    rng = np.random.default_rng(20261208)
    real = real_batch()
    noise = torch.tensor(rng.standard_normal((BATCH, ZDIM)), dtype=torch.float32)
    eps = torch.tensor(rng.uniform(0, 1, size=(BATCH, 1)), dtype=torch.float32)
    g = network(0x6A11, [ZDIM, HIDDEN, HIDDEN, PIXELS])
    d = network(0xD15C, [PIXELS, HIDDEN, HIDDEN, 1])
    critic = lambda x: mlp(x, d, lambda t: F.leaky_relu(t, 0.2)).reshape(-1)
    fake = mlp(noise, g, F.relu)
    real_out, fake_held = critic(real), critic(fake.detach())
    fake_out = critic(fake)

    x_hat = (eps * real + (1 - eps) * fake.detach()).requires_grad_()
    slope = torch.autograd.grad(critic(x_hat).sum(), x_hat, create_graph=True)[0]
    d_losses = {
        "discriminatorCrossEntropy": F.softplus(-real_out).mean() + F.softplus(fake_held).mean(),
        "criticWasserstein": fake_held.mean() - real_out.mean(),
        "gradientPenalty": LAMBDA * ((slope.norm(dim=1) - 1) ** 2).mean(),
    }
    g_losses = {
        "generatorNonsaturating": F.softplus(-fake_out).mean(),
        "generatorMinimax": -F.softplus(fake_out).mean(),
        "generatorWasserstein": -fake_out.mean(),
    }
    entries = [("torch", json.dumps(torch.__version__)), ("batch", str(BATCH)),
               ("real", numbers(real)), ("noise", numbers(noise)), ("epsilon", numbers(eps)),
               ("fake", numbers(fake.detach())), ("discriminatorOutputs", numbers(real_out.detach()))]
    losses, gradients = [], []
    for name, loss in list(d_losses.items()) + list(g_losses.items()):
        params = d if name in d_losses else g
        losses.append(f'"{name}": {str(np.float32(loss.item()))}')
        body = ",\n".join(numbers(t) for t in grads(loss, params))
        gradients.append(f'"{name}": [\n{body}]')
    text = "{\n" + ",\n".join(f'"{k}": {v}' for k, v in entries)
    text += ',\n"losses": {' + ", ".join(losses) + '},\n"gradients": {\n' + ",\n".join(gradients) + "}\n}\n"
    out = os.path.join(HERE, "digits-gradients.json")
    with open(out, "w") as f:
        f.write(text)
    json.loads(text)  # the file must be valid JSON
    print("wrote", out, len(text), "bytes")


main()
