package dev.htsgd.landscape;

import static dev.htsgd.landscape.ExpressionProgram.*;

import dev.htsgd.check.Require;
import net.objecthunter.exp4j.function.Function;

/**
 * A landscape f given as text ({@code --landscape expr:FORMULA}): a formula in x (1-D), in x and y (2-D) or in x, y
 * and z (3-D). The dimension is that of the highest variable used, so a formula in x and z (no y) is 3-D and
 * constant along y.
 * The formula is parsed by exp4j (operators + - * / ^ %, its built-in functions such as sin, cos, exp, log,
 * sqrt, abs, pow, and the constants pi and e).
 *
 * <p>Derivatives are exact up to rounding: the parsed postfix program is evaluated in forward-mode
 * automatic differentiation (value and gradient together, by the chain rule of each operator and
 * built-in; NaN outside a function's domain). The built-ins without a rule here (cot) get their partial derivatives from
 * {@link FiniteDifferences} (Richardson extrapolation, error O(h^4)), so every derivative is either exact or
 * numerically controlled. Evaluation allocates nothing: each thread reuses its own scratch stacks.
 */
public sealed class ExpressionObjective implements Objective permits ExpressionObjective.OneD {

    private final String formula;
    private final Domain domain;
    private final int dim;
    private final int[] ops;
    private final int[] args; // VAR: variable index; FUNC: builtin code; else unused
    private final double[] consts;
    private final Function[] functions;
    private final int maxDepth;
    private final int maxArity;
    private final ThreadLocal<Scratch> scratch;
    private final LaneCode laneCode;

    private static final class Scratch {
        final double[] val;
        final double[] der;
        final double[] fargs;
        final double[] fder;

        Scratch(int depth, int dim, int arity) {
            val = new double[depth];
            der = new double[depth * dim];
            fargs = new double[Math.max(1, arity)];
            fder = new double[Math.max(1, arity)];
        }
    }

    ExpressionObjective(String formula, Domain domain, ExpressionProgram p) {
        this.formula = formula;
        this.domain = domain;
        this.dim = p.dimension();
        this.ops = p.ops();
        this.args = p.args();
        this.consts = p.consts();
        this.functions = p.functions();
        this.maxDepth = p.maxDepth();
        this.maxArity = p.maxArity();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(this.maxDepth, this.dim, this.maxArity));
        this.laneCode = LaneCode.of(p, formula);
    }

    /**
     * Parses a formula in x (1-D, returns an {@link Objective1D}), in x and y (2-D) or in x, y and z (3-D); the
     * dimension is that of the highest variable used.
     *
     * @param formula the text after {@code expr:}
     * @param domain where the iterate lives; null means unbounded; a ball around the origin is taken in the
     *     formula's dimension ({@link Domain#inDimension})
     * @throws dev.htsgd.check.InvalidParameterException naming {@code landscape} when the formula does not parse or uses unknown
     *     names, naming {@code domain} when the domain does not fit the formula's dimension
     */
    public static ExpressionObjective parse(String formula, Domain domain) {
        ExpressionProgram p = ExpressionProgram.compile(formula);
        Domain d = domain == null ? Domain.unbounded() : domain.inDimension(p.dimension(), "'" + formula + "'");
        return p.dimension() == 1 ? new OneD(formula, d, p) : new ExpressionObjective(formula, d, p);
    }

    /** The formula as given. */
    public String formula() {
        return formula;
    }

    @Override
    public int dimension() {
        return dim;
    }

    /** The formula as the vector engine runs it (its {@link LaneCode#reason()} says why not, when it cannot). */
    public LaneCode laneCode() {
        return laneCode;
    }

    @Override
    public Domain domain() {
        return domain;
    }

    @Override
    public String name() {
        return "expr:" + formula;
    }

    @Override
    public double value(double[] x) {
        return eval(x, 0.0, null, scratch.get());
    }

    @Override
    public void gradient(double[] x, double[] grad) {
        eval(x, 0.0, grad, scratch.get());
    }

    /**
     * Evaluates f at the point {@code point} (length {@link #dimension()}), or, when it is null, at the 1-D point
     * {@code x} (the scalar path of {@link OneD}, which needs no array); when grad is non-null also writes the
     * gradient into it, which is also left in {@code s.der[0..dim)}.
     */
    private double eval(double[] point, double x, double[] grad, Scratch s) {
        double[] val = s.val;
        double[] der = s.der;
        final int d = dim;
        int sp = -1;
        for (int i = 0; i < ops.length; i++) {
            switch (ops[i]) {
                case CONST -> {
                    sp++;
                    val[sp] = consts[i];
                    for (int k = 0; k < d; k++) {
                        der[sp * d + k] = 0;
                    }
                }
                case VAR -> {
                    sp++;
                    val[sp] = point == null ? x : point[args[i]];
                    for (int k = 0; k < d; k++) {
                        der[sp * d + k] = k == args[i] ? 1 : 0;
                    }
                }
                case NEG -> {
                    val[sp] = -val[sp];
                    for (int k = 0; k < d; k++) {
                        der[sp * d + k] = -der[sp * d + k];
                    }
                }
                case POS -> {
                    // nothing
                }
                case FUNC -> sp = applyFunction(i, sp, s);
                default -> {
                    double a = val[sp - 1];
                    double b = val[sp];
                    int ia = (sp - 1) * d;
                    int ib = sp * d;
                    double r;
                    switch (ops[i]) {
                        case ADD -> {
                            r = a + b;
                            for (int k = 0; k < d; k++) {
                                der[ia + k] += der[ib + k];
                            }
                        }
                        case SUB -> {
                            r = a - b;
                            for (int k = 0; k < d; k++) {
                                der[ia + k] -= der[ib + k];
                            }
                        }
                        case MUL -> {
                            r = a * b;
                            for (int k = 0; k < d; k++) {
                                der[ia + k] = der[ia + k] * b + a * der[ib + k];
                            }
                        }
                        case DIV -> {
                            r = a / b;
                            for (int k = 0; k < d; k++) {
                                der[ia + k] = (der[ia + k] - r * der[ib + k]) / b;
                            }
                        }
                        case POW -> r = power(a, b, der, ia, ib, d);
                        case MOD -> {
                            r = a % b;
                            double q = (a - r) / b;
                            for (int k = 0; k < d; k++) {
                                der[ia + k] = der[ia + k] - q * der[ib + k];
                            }
                        }
                        default -> throw new IllegalStateException("bad op " + ops[i]);
                    }
                    sp--;
                    val[sp] = r;
                }
            }
        }
        if (grad != null) {
            for (int k = 0; k < d; k++) {
                grad[k] = der[k];
            }
        }
        return val[0];
    }

    /**
     * a^b and its derivative d(a^b) = b a^(b-1) da + a^b log(a) db into der[ia..ia+d) (the operator ^ and the
     * function pow); a zero da or db contributes nothing, so log(a) of a negative base is never taken for a
     * constant exponent.
     */
    private static double power(double a, double b, double[] der, int ia, int ib, int d) {
        double r = Math.pow(a, b);
        for (int k = 0; k < d; k++) {
            double da = der[ia + k];
            double db = der[ib + k];
            double g = 0;
            if (da != 0) {
                g += b == 0 ? 0 : b * Math.pow(a, b - 1) * da;
            }
            if (db != 0) {
                g += r * Math.log(a) * db;
            }
            der[ia + k] = g;
        }
        return r;
    }

    private int applyFunction(int i, int sp, Scratch s) {
        double[] val = s.val;
        double[] der = s.der;
        final int d = dim;
        int code = args[i];
        if (code == 22) { // pow(a, b): same rule as ^
            val[sp - 1] = power(val[sp - 1], val[sp], der, (sp - 1) * d, sp * d, d);
            return sp - 1;
        }
        if (code != F_GENERIC) {
            double u = val[sp];
            double r;
            double du; // d f / d u
            switch (code) {
                case 1 -> { r = Math.sin(u); du = Math.cos(u); }
                case 2 -> { r = Math.cos(u); du = -Math.sin(u); }
                case 3 -> { r = Math.tan(u); du = 1 + r * r; }
                case 4 -> { r = Math.exp(u); du = r; }
                case 5 -> { r = Math.log(u); du = 1 / u; }
                case 6 -> { r = Math.log10(u); du = 1 / (u * Math.log(10)); }
                case 7 -> { r = Math.log(u) / Math.log(2); du = 1 / (u * Math.log(2)); }
                case 8 -> { r = Math.log1p(u); du = 1 / (1 + u); }
                case 9 -> { r = Math.sqrt(u); du = 0.5 / r; }
                case 10 -> { r = Math.cbrt(u); du = 1 / (3 * r * r); }
                case 11 -> { r = Math.abs(u); du = Math.signum(u); }
                case 12 -> { r = Math.sinh(u); du = Math.cosh(u); }
                case 13 -> { r = Math.cosh(u); du = Math.sinh(u); }
                case 14 -> { r = Math.tanh(u); du = 1 - r * r; }
                case 15 -> { r = Math.asin(u); du = 1 / Math.sqrt(1 - u * u); }
                case 16 -> { r = Math.acos(u); du = -1 / Math.sqrt(1 - u * u); }
                case 17 -> { r = Math.atan(u); du = 1 / (1 + u * u); }
                case 18 -> { r = Math.expm1(u); du = r + 1; }
                case 19 -> { r = Math.signum(u); du = 0; }
                case 20 -> { r = Math.floor(u); du = 0; }
                case 21 -> { r = Math.ceil(u); du = 0; }
                default -> throw new IllegalStateException("bad function code " + code);
            }
            if (Double.isNaN(r)) { // outside the function's domain: no derivative either
                du = Double.NaN;
            }
            val[sp] = r;
            for (int k = 0; k < d; k++) {
                der[sp * d + k] *= du;
            }
            return sp;
        }
        // generic: value by the library, partials by Richardson-extrapolated central differences
        Function f = functions[i];
        int n = f.getNumArguments();
        int base = sp - n + 1;
        double[] a = s.fargs;
        double[] pd = s.fder;
        for (int j = 0; j < n; j++) {
            a[j] = val[base + j];
        }
        double r = f.apply(a);
        for (int j = 0; j < n; j++) {
            double u = a[j];
            double h = FiniteDifferences.defaultStep(u);
            a[j] = u + h;
            double p1 = f.apply(a);
            a[j] = u - h;
            double m1 = f.apply(a);
            a[j] = u + h / 2;
            double p2 = f.apply(a);
            a[j] = u - h / 2;
            double m2 = f.apply(a);
            a[j] = u;
            double d1 = (p1 - m1) / (2 * h);
            double d2 = (p2 - m2) / h;
            pd[j] = (4 * d2 - d1) / 3;
        }
        for (int k = 0; k < d; k++) {
            double g = 0;
            for (int j = 0; j < n; j++) {
                g += pd[j] * der[(base + j) * d + k];
            }
            der[base * d + k] = g;
        }
        val[base] = r;
        return base;
    }

    final double valueOneD(double x) {
        return eval(null, x, null, scratch.get());
    }

    final double derivativeOneD(double x) {
        Scratch s = scratch.get();
        eval(null, x, null, s);
        return s.der[0];
    }

    @Override
    public String toString() {
        return name();
    }

    /** The one-dimensional case: a formula in x only. */
    public static final class OneD extends ExpressionObjective implements Objective1D {

        OneD(String formula, Domain domain, ExpressionProgram p) {
            super(formula, domain, p);
        }

        @Override
        public double value(double x) {
            return valueOneD(x);
        }

        @Override
        public double derivative(double x) {
            return derivativeOneD(x);
        }

        @Override
        public int dimension() {
            return 1;
        }

    }

}
