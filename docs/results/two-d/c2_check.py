#!/usr/bin/python3
"""Independent check of the two-jump exit constant C_2(I_j; m0) for htsgd's wells2d landscape.

C_2(B; m) = int 1{Proj(x(t) + phi_b(w2)) in B} nu(dw1) dt nu(dw2),
  x(0) = Proj(m + phi_b(w1)), dx/dt = -grad f(x), nu(dw) = alpha r^(-alpha-1) dr S(dtheta), S uniform on S^1.

Two independent estimators:
  (A) quadrature: label raster (gradient-flow classification) -> g_j(y) = nu{w2 : Proj(y+phi_b(w2)) in I_j}
      by FFT convolution with the clipped Levy kernel (continuous part + atom ring at |u| = b) -> flow from
      x1 on a (r1, theta1) product grid, T_j(x1) = int_0^tau g_j(x(t)) dt.
  (B) plain Monte Carlo: w1 ~ nu restricted to r >= r_c (Pareto), t ~ U(0, tau(x1)), w2 ~ nu restricted to
      r >= r_c, landing point classified by its own gradient flow (no raster); weight M1 * tau * M2.
  (C) 1-D double well sanity case: exact quadrature vs the same Monte Carlo structure in 1-D.

Usage: /usr/bin/python3 c2.py [quad|mc|1d|all] [N_mc]
"""
import sys
import time
import numpy as np

ALPHA = 1.2
B = 1.6
RBALL = 4.0
CEN = np.array([[-2.0, 0.0], [1.5, 1.2], [1.2, -1.5]])
AMP = np.array([2.0, 1.5, 1.2])
SIG = np.array([1.0, 0.5, 0.7])


def grad(x, y):
    gx = 0.04 * x
    gy = 0.04 * y
    for k in range(3):
        dx = x - CEN[k, 0]
        dy = y - CEN[k, 1]
        s2 = SIG[k] ** 2
        e = AMP[k] * np.exp(-(dx * dx + dy * dy) / (2 * s2)) / s2
        gx = gx + e * dx
        gy = gy + e * dy
    return gx, gy


def rk4(x, y, dt):
    k1x, k1y = grad(x, y)
    k2x, k2y = grad(x - 0.5 * dt * k1x, y - 0.5 * dt * k1y)
    k3x, k3y = grad(x - 0.5 * dt * k2x, y - 0.5 * dt * k2y)
    k4x, k4y = grad(x - dt * k3x, y - dt * k3y)
    return (x - dt / 6 * (k1x + 2 * k2x + 2 * k3x + k4x),
            y - dt / 6 * (k1y + 2 * k2y + 2 * k3y + k4y))


def hess(p, h=1e-6):
    H = np.zeros((2, 2))
    for i in range(2):
        e = np.zeros(2); e[i] = h
        gp = np.array(grad(*(p + e))); gm = np.array(grad(*(p - e)))
        H[:, i] = (gp - gm) / (2 * h)
    return H


def find_minima():
    starts = [(-2.0, 0.0), (1.2, -1.5), (1.5, 1.2)]
    mins = []
    for s in starts:
        p = np.array(s, float)
        for _ in range(200):
            p = p - np.linalg.solve(hess(p), np.array(grad(*p)))
        mins.append(p)
    return np.array(mins)


MINS = find_minima()
M0 = MINS[0]


def proj(x, y):
    r = np.hypot(x, y)
    s = np.where(r > RBALL, RBALL / np.maximum(r, 1e-300), 1.0)
    return x * s, y * s


def classify(x, y, dt=0.1, tmax=200.0, tol=1e-3):
    """label 0,1,2 by gradient flow until within tol of a minimum; -1 if unresolved by tmax."""
    x = np.array(x, float).ravel().copy(); y = np.array(y, float).ravel().copy()
    lab = -np.ones(x.size, int)
    act = np.arange(x.size)
    t = 0.0
    while act.size and t < tmax:
        xa, ya = rk4(x[act], y[act], dt)
        x[act] = xa; y[act] = ya
        done = np.zeros(act.size, bool)
        for j in range(3):
            hit = (xa - MINS[j, 0]) ** 2 + (ya - MINS[j, 1]) ** 2 < tol * tol
            lab[act[hit]] = j
            done |= hit
        act = act[~done]
        t += dt
    return lab, act.size


# ---------------------------------------------------------------- checks
def inward_drift_check(rad, n=400):
    """max over the disk B(m0, rad) of <grad f, x - m0> sign: need >= 0 (distance to m0 non-increasing)."""
    rr = np.linspace(1e-3, rad, n)
    th = np.linspace(0, 2 * np.pi, 4 * n, endpoint=False)
    R, T = np.meshgrid(rr, th)
    x = M0[0] + R * np.cos(T); y = M0[1] + R * np.sin(T)
    gx, gy = grad(x, y)
    cos = (gx * (x - M0[0]) + gy * (y - M0[1])) / (np.hypot(gx, gy) * R)
    return cos.min()


# ---------------------------------------------------------------- (A) quadrature
def label_raster(h, half):
    n = int(round(2 * half / h)) + 1
    ax = np.linspace(-half, half, n)
    X, Y = np.meshgrid(ax, ax, indexing='ij')
    L = -np.ones(X.shape, int)
    inside = np.hypot(X, Y) <= RBALL
    lab, unres = classify(X[inside], Y[inside])
    L[inside] = lab
    # outside the ball: label of the projected point (label on the circle, by angle)
    na = 40000
    ang = np.linspace(-np.pi, np.pi, na, endpoint=False)
    cl, unres2 = classify(RBALL * np.cos(ang), RBALL * np.sin(ang))
    out = ~inside
    ia = np.floor((np.arctan2(Y[out], X[out]) + np.pi) / (2 * np.pi) * na + 0.5).astype(int) % na
    L[out] = cl[ia]
    return ax, L, unres + unres2, cl


def kernels(h, r_lo, sub=8):
    m = int(np.ceil(B / h)) + 1
    ax = np.arange(-m, m + 1) * h
    K = np.zeros((2 * m + 1, 2 * m + 1))
    offs = (np.arange(sub) + 0.5) / sub - 0.5
    for a in offs:
        for c in offs:
            ux = ax[:, None] + a * h; uy = ax[None, :] + c * h
            r = np.hypot(ux, uy)
            ok = (r >= r_lo) & (r < B)
            K += np.where(ok, ALPHA / (2 * np.pi) * np.maximum(r, 1e-9) ** (-ALPHA - 2), 0.0)
    K *= h * h / sub ** 2
    # atom ring: mass b^-alpha, bilinear splat
    R = np.zeros_like(K)
    nth = 400000
    th = (np.arange(nth) + 0.5) * 2 * np.pi / nth
    px = B * np.cos(th) / h + m; py = B * np.sin(th) / h + m
    i0 = np.floor(px).astype(int); j0 = np.floor(py).astype(int)
    fx = px - i0; fy = py - j0
    w = B ** (-ALPHA) / nth
    np.add.at(R, (i0, j0), w * (1 - fx) * (1 - fy))
    np.add.at(R, (i0 + 1, j0), w * fx * (1 - fy))
    np.add.at(R, (i0, j0 + 1), w * (1 - fx) * fy)
    np.add.at(R, (i0 + 1, j0 + 1), w * fx * fy)
    return K, R, m


def fftconv_same(A, K):
    # symmetric kernel (K(u) = K(-u)) so convolution == correlation
    n0 = A.shape[0] + K.shape[0] - 1; n1 = A.shape[1] + K.shape[1] - 1
    F = np.fft.rfft2(A, (n0, n1)) * np.fft.rfft2(K, (n0, n1))
    full = np.fft.irfft2(F, (n0, n1))
    m = (K.shape[0] - 1) // 2
    return full[m:m + A.shape[0], m:m + A.shape[1]]


def bilinear(G, ax, x, y):
    h = ax[1] - ax[0]
    px = (x - ax[0]) / h; py = (y - ax[0]) / h
    i = np.clip(np.floor(px).astype(int), 0, len(ax) - 2)
    j = np.clip(np.floor(py).astype(int), 0, len(ax) - 2)
    fx = px - i; fy = py - j
    return (G[i, j] * (1 - fx) * (1 - fy) + G[i + 1, j] * fx * (1 - fy)
            + G[i, j + 1] * (1 - fx) * fy + G[i + 1, j + 1] * fx * fy)


def traj_integral(x1, y1, Gs, ax, dt=0.01, rstop=0.45, tmax=50.0):
    """T_j(x1) = int_0^tau g_j(x(t)) dt (trapezoid), stop when |x - m0| < rstop."""
    x = x1.copy(); y = y1.copy()
    T = np.zeros((len(Gs), x.size))
    act = np.arange(x.size)
    gprev = np.array([bilinear(G, ax, x, y) for G in Gs])
    t = 0.0
    while act.size and t < tmax:
        xa, ya = rk4(x[act], y[act], dt)
        x[act] = xa; y[act] = ya
        gnew = np.array([bilinear(G, ax, xa, ya) for G in Gs])
        T[:, act] += 0.5 * dt * (gprev[:, act] + gnew)
        gprev[:, act] = gnew
        keep = (xa - M0[0]) ** 2 + (ya - M0[1]) ** 2 >= rstop ** 2
        act = act[keep]
        t += dt
    return T, act.size


def quad(h=0.01, nr=32, nth=720, dt=0.01, r_lo_kernel=0.3, verbose=True):
    t0 = time.time()
    half = RBALL + B + 0.05
    ax, L, unres, circle_lab = label_raster(h, half)
    if verbose:
        print(f"[quad h={h}] label raster {L.shape}, unresolved {unres}, fractions in ball "
              f"{[(L[np.hypot(*np.meshgrid(ax, ax, indexing='ij')) <= RBALL] == j).mean().round(4) for j in range(3)]},"
              f" circle labels {np.bincount(circle_lab + 1, minlength=4)[1:] / circle_lab.size} ({time.time()-t0:.1f}s)")
    K, R, m = kernels(h, r_lo_kernel)
    if verbose:
        print(f"  kernel mass {K.sum():.5f} (exact {r_lo_kernel**-ALPHA - B**-ALPHA:.5f}), ring {R.sum():.5f} "
              f"(exact {B**-ALPHA:.5f})")
    Gs = [fftconv_same((L == j).astype(float), K + R) for j in (1, 2)]
    # first jump: s = r^-alpha uniform mass; Gauss-Legendre in s on [b^-a, r1lo^-a]
    r1lo = 0.45
    sx, sw = np.polynomial.legendre.leggauss(nr)
    s_lo, s_hi = B ** -ALPHA, r1lo ** -ALPHA
    s = 0.5 * (s_hi - s_lo) * sx + 0.5 * (s_hi + s_lo); ws = 0.5 * (s_hi - s_lo) * sw
    rs = np.concatenate([[B], s ** (-1 / ALPHA)])
    wr = np.concatenate([[B ** -ALPHA], ws])    # atom at r = b, then continuous part
    th = (np.arange(nth) + 0.5) * 2 * np.pi / nth
    RR, TT = np.meshgrid(rs, th, indexing='ij')
    x1 = M0[0] + RR.ravel() * np.cos(TT.ravel()); y1 = M0[1] + RR.ravel() * np.sin(TT.ravel())
    lab1, _ = classify(x1, y1)
    n_exit1 = int((lab1 != 0).sum())
    T, left = traj_integral(x1, y1, Gs, ax, dt=dt)
    T = T.reshape(2, len(rs), nth).mean(axis=2)   # mean over theta1 (S uniform, mass 1)
    C = (T * wr[None, :]).sum(axis=1)
    atom_part = T[:, 0] * wr[0]
    if verbose:
        print(f"  first jumps landing outside I_0: {n_exit1} of {x1.size}; trajectories unfinished {left}")
        print(f"  C2(I1) = {C[0]:.6f}, C2(I2) = {C[1]:.6f}, C* = {C.sum():.6f}  "
              f"[atom w1 part: {atom_part[0]:.6f}, {atom_part[1]:.6f}]  ({time.time()-t0:.1f}s)")
    return C


# ---------------------------------------------------------------- (B) plain Monte Carlo
def mc(N, seed=1, chunk=50000, rc=0.49, nsteps=200, verbose=True):
    rng = np.random.default_rng(seed)
    t0 = time.time()
    M = rc ** (-ALPHA)   # nu-mass of {|w| >= rc}
    vals = [[], []]
    n_exit1 = 0; unres_tot = 0
    for c0 in range(0, N, chunk):
        n = min(chunk, N - c0)
        r1 = np.minimum(rc * rng.random(n) ** (-1 / ALPHA), B)
        a1 = rng.random(n) * 2 * np.pi
        x1, y1 = proj(M0[0] + r1 * np.cos(a1), M0[1] + r1 * np.sin(a1))
        l1, _ = classify(x1, y1)
        n_exit1 += int((l1 != 0).sum())
        # pass 1: tau = first time |x - m0| < rc (then no single clipped jump can leave I_0)
        x = x1.copy(); y = y1.copy(); tau = np.zeros(n); act = np.arange(n); dt = 0.005; t = 0.0
        while act.size and t < 50:
            keep = (x[act] - M0[0]) ** 2 + (y[act] - M0[1]) ** 2 >= rc ** 2
            act = act[keep]
            tau[act] = t + dt
            xa, ya = rk4(x[act], y[act], dt); x[act] = xa; y[act] = ya; t += dt
        # pass 2: x(t), t ~ U(0, tau)
        tt = rng.random(n) * tau
        x = x1.copy(); y = y1.copy(); ds = tt / nsteps
        for _ in range(nsteps):
            x, y = rk4(x, y, ds)
        r2 = np.minimum(rc * rng.random(n) ** (-1 / ALPHA), B)
        a2 = rng.random(n) * 2 * np.pi
        zx, zy = proj(x + r2 * np.cos(a2), y + r2 * np.sin(a2))
        lz, un = classify(zx, zy)
        unres_tot += un
        w = M * tau * M
        for j in (1, 2):
            vals[j - 1].append(w * (lz == j))
    out = []
    for j in (1, 2):
        v = np.concatenate(vals[j - 1])
        out.append((v.mean(), v.std(ddof=1) / np.sqrt(v.size), int((v > 0).sum())))
    vs = np.concatenate(vals[0]) + np.concatenate(vals[1])
    tot = (vs.mean(), vs.std(ddof=1) / np.sqrt(vs.size))
    if verbose:
        print(f"[mc N={N} seed={seed}] first jumps outside I_0: {n_exit1}; unresolved labels {unres_tot}")
        for j in (1, 2):
            print(f"  C2(I{j}) = {out[j-1][0]:.6f} +- {out[j-1][1]:.6f}  (hits {out[j-1][2]})")
        print(f"  C* = {tot[0]:.6f} +- {tot[1]:.6f}   ({time.time()-t0:.1f}s)")
    return out, tot


# ---------------------------------------------------------------- (C) 1-D double well
def one_d(N=400000, seed=2, b=0.7, verbose=True):
    """f = (x^2-1)^2/4, m = -1, I = (-inf, 0) (projection [-2, 2] irrelevant), p+ = p- = 1/2, J = 2 for b = 0.7."""
    fp = lambda x: x * (x * x - 1)
    pp = 0.5
    # exact: C2 = int_{1-b}^inf alpha p+ w^-a-1 T(-1 + min(w, b)) dw,  T(x1) = int_{-b}^{x1} p+ |x|^-a / |f'(x)| dx
    gx, gw = np.polynomial.legendre.leggauss(200)

    def T(x1):
        lo = -b
        xm = 0.5 * (x1 - lo)[:, None] * gx[None, :] + 0.5 * (x1 + lo)[:, None]
        return (0.5 * (x1 - lo)[:, None] * gw[None, :] * pp * np.abs(xm) ** (-ALPHA) / np.abs(fp(xm))).sum(1)
    w = 0.5 * (b - (1 - b)) * gx + 0.5 * (b + (1 - b)); ww = 0.5 * (b - (1 - b)) * gw
    exact = (ww * ALPHA * pp * w ** (-ALPHA - 1) * T(-1 + w)).sum() + pp * b ** (-ALPHA) * T(np.array([-1 + b]))[0]
    # Monte Carlo with the same structure as mc(): w1 ~ nu on |w| >= rc (either sign), t ~ U(0, tau), w2 likewise
    rng = np.random.default_rng(seed)
    rc = 1 - b
    Mtot = rc ** (-ALPHA)   # p+ + p- = 1
    r1 = np.minimum(rc * rng.random(N) ** (-1 / ALPHA), b) * np.where(rng.random(N) < pp, 1, -1)
    x1 = np.clip(-1 + r1, -2, 2)
    # 1-D flow toward -1: tau = time until |x + 1| < rc ... the exit needs |x| < b, i.e. x > -b
    x = x1.copy(); tau = np.zeros(N); act = np.arange(N); dt = 0.002; t = 0.0
    while act.size and t < 50:
        act = act[x[act] > -b]
        tau[act] = t + dt
        xa = x[act]
        k1 = -fp(xa); k2 = -fp(xa + 0.5 * dt * k1); k3 = -fp(xa + 0.5 * dt * k2); k4 = -fp(xa + dt * k3)
        x[act] = xa + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4); t += dt
    tt = rng.random(N) * tau
    x = x1.copy(); ds = tt / 200
    for _ in range(200):
        k1 = -fp(x); k2 = -fp(x + 0.5 * ds * k1); k3 = -fp(x + 0.5 * ds * k2); k4 = -fp(x + ds * k3)
        x = x + ds / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
    r2 = np.minimum(rc * rng.random(N) ** (-1 / ALPHA), b) * np.where(rng.random(N) < pp, 1, -1)
    z = np.clip(x + r2, -2, 2)
    v = Mtot * tau * Mtot * (z > 0)
    est, se = v.mean(), v.std(ddof=1) / np.sqrt(N)
    if verbose:
        print(f"[1-D double well b={b}] exact quadrature C2 = {exact:.6f};  MC (N={N}) = {est:.6f} +- {se:.6f}"
              f"  (z-score {(est-exact)/se:+.2f}); first jumps exiting: {int((x1 > 0).sum())}")
    return exact, est, se


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    N = int(sys.argv[2]) if len(sys.argv) > 2 else 200000
    print("minima:", MINS.round(6).tolist())
    print("min cos(grad f, x - m0) on B(m0, 0.49): %.4f; on B(m0, 1.6): %.4f; on B(m0, 2.09): %.4f"
          % (inward_drift_check(0.49), inward_drift_check(1.6), inward_drift_check(2.09)))
    if what in ("1d", "all"):
        one_d()
    if what in ("quad", "all"):
        quad()
    if what in ("quadfine",):
        quad(h=0.005, nr=48, nth=1080, dt=0.005)
    if what in ("quadcoarse",):
        quad(h=0.02, nr=16, nth=360, dt=0.02)
    if what in ("mc", "all"):
        mc(N, seed=int(sys.argv[3]) if len(sys.argv) > 3 else 1)
