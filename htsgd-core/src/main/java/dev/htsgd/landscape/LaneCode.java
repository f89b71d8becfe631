package dev.htsgd.landscape;

import java.util.ArrayList;
import java.util.List;

/**
 * A 1-D {@code expr:} formula as the straight-line program the vector engine runs ({@code dev.htsgd.dynamics.LaneTape}):
 * the same postfix order as {@link ExpressionObjective}'s scalar evaluation, with the value stack resolved at
 * compile time (each instruction names the slot it writes) and a constant that is the right operand of a binary
 * operator folded into it. One interpretation of the program then serves K paths, value and derivative f'(x)
 * together (forward-mode automatic differentiation on lanes).
 *
 * <p>Supported: x, constants, + - * /, unary minus, {@code ^} and {@code pow} with a constant exponent, exp, log, sqrt,
 * abs, sin and cos. Anything else (a varying exponent, %, trigonometric and other functions) makes {@link #reason()} say
 * what, and the formula runs on the scalar engine.
 *
 * @param program the instructions, in order
 * @param slots the number of stack slots the program uses
 * @param reason null when the formula runs on lanes; else why not
 */
public record LaneCode(List<Instruction> program, int slots, String reason) {

    /** The largest integer exponent taken by repeated multiplication. */
    public static final int MAX_INTEGER_POWER = 64;

    /**
     * The operations. X and C push x (derivative 1) or the constant imm (derivative 0) into the slot; ADD, SUB, MUL,
     * DIV combine the slot with the one above it; the _C forms combine the slot with imm; POW_I raises it to the
     * integer imm (magnitude at most {@link #MAX_INTEGER_POWER}), POW_R to any other constant imm (exp(imm log));
     * NEG, EXP, LOG, SQRT, ABS, SIN, COS apply to the slot.
     */
    public enum Op { X, C, NEG, ADD, SUB, MUL, DIV, ADD_C, SUB_C, MUL_C, DIV_C, POW_I, POW_R, EXP, LOG, SQRT, ABS, SIN, COS }

    /** One instruction: op on the stack slot {@code slot} (a binary op's left operand), with the constant imm. */
    public record Instruction(Op op, int slot, double imm) {
    }

    public LaneCode {
        program = List.copyOf(program);
    }

    /** The largest degree of f' that {@link #derivativePolynomial()} gives (f of degree 9 at most). */
    public static final int MAX_POLYNOMIAL_DEGREE = 8;

    /**
     * The coefficients d_0, ..., d_m of f'(x) = d_0 + d_1 x + ... + d_m x^m when the formula is a polynomial in x
     * with m at most {@link #MAX_POLYNOMIAL_DEGREE} (x, constants, + - *, division by a constant, non-negative
     * integer powers; a function or power of a constant is that constant, by the scalar rules' Math functions);
     * else null. The vector engine then evaluates f' by Horner's rule in one pass instead of interpreting the
     * program, which for x^4/10 - x^2 is most of the step (measured: the tape 48 ns of a 113 ns step on 16 lanes).
     * The coefficients are those of the expanded formula, computed in double: f' then differs from the scalar
     * rules by rounding only, a few ulps of the largest term d_k x^k (more than the tape near a root of a
     * product of factors, where the expansion cancels).
     */
    public double[] derivativePolynomial() {
        if (!supported()) {
            return null;
        }
        double[][] slot = new double[slots][];
        for (Instruction in : program) {
            int k = in.slot();
            double c = in.imm();
            double[] a = slot[k];
            double[] r = switch (in.op()) {
                case X -> new double[] {0, 1};
                case C -> new double[] {c};
                case NEG -> Polynomials.scale(a, -1);
                case ADD -> Polynomials.add(a, slot[k + 1], 1);
                case SUB -> Polynomials.add(a, slot[k + 1], -1);
                case MUL -> Polynomials.times(a, slot[k + 1]);
                case DIV -> slot[k + 1].length == 1 ? Polynomials.divide(a, slot[k + 1][0]) : null;
                case ADD_C -> Polynomials.add(a, new double[] {c}, 1);
                case SUB_C -> Polynomials.add(a, new double[] {c}, -1);
                case MUL_C -> Polynomials.scale(a, c);
                case DIV_C -> Polynomials.divide(a, c);
                case POW_I -> c > 0 ? Polynomials.power(a, (int) c, MAX_POLYNOMIAL_DEGREE + 1)
                        : a.length == 1 ? new double[] {Math.pow(a[0], c)} : null;
                case POW_R -> a.length == 1 ? new double[] {Math.pow(a[0], c)} : null;
                default -> a.length == 1 ? new double[] {Polynomials.function(in.op(), a[0])} : null;
            };
            if (r == null || r.length > MAX_POLYNOMIAL_DEGREE + 2 || !Polynomials.finite(r)) {
                return null;
            }
            slot[k] = r;
        }
        double[] f = slot[0];
        double[] d = new double[Math.max(1, f.length - 1)];
        for (int j = 1; j < f.length; j++) {
            d[j - 1] = j * f[j];
        }
        return d;
    }

    /** True when the formula runs on lanes. */
    public boolean supported() {
        return reason == null;
    }

    private static LaneCode unsupported(String why) {
        return new LaneCode(List.of(), 0, why);
    }

    /** Compiles a 1-D program; unsupported programs give a code with {@link #reason()} set. */
    static LaneCode of(ExpressionProgram p, String formula) {
        if (p.dimension() != 1) {
            return unsupported("the formula '" + formula + "' is not 1-D");
        }
        // a constant under unary signs is a constant: x^-1.5 is x, 1.5, neg, ^ in postfix
        int[] ops = p.ops().clone();
        int[] args = p.args().clone();
        double[] consts = p.consts().clone();
        net.objecthunter.exp4j.function.Function[] fns = p.functions().clone();
        int n = 0;
        for (int i = 0; i < ops.length; i++) {
            int o = ops[i];
            if ((o == ExpressionProgram.NEG || o == ExpressionProgram.POS) && n > 0
                    && ops[n - 1] == ExpressionProgram.CONST) {
                consts[n - 1] = o == ExpressionProgram.NEG ? -consts[n - 1] : consts[n - 1];
                continue;
            }
            ops[n] = o;
            args[n] = args[i];
            consts[n] = consts[i];
            fns[n] = fns[i];
            n++;
        }
        List<Instruction> out = new ArrayList<>();
        int sp = -1;
        int slots = 0;
        for (int i = 0; i < n; i++) {
            int o = ops[i];
            boolean folds = o == ExpressionProgram.CONST && i + 1 < n && foldable(ops[i + 1], args[i + 1]);
            if (folds) {
                double c = consts[i];
                int next = ops[i + 1];
                Op code = next == ExpressionProgram.ADD ? Op.ADD_C : next == ExpressionProgram.SUB ? Op.SUB_C
                        : next == ExpressionProgram.MUL ? Op.MUL_C : next == ExpressionProgram.DIV ? Op.DIV_C : power(c);
                if (code == Op.POW_I && c == 0) {
                    code = Op.C; // a^0 = 1, also for a = 0 or NaN (Math.pow)
                    c = 1;
                }
                out.add(new Instruction(code, sp, c));
                i++;
                continue;
            }
            switch (o) {
                case ExpressionProgram.CONST, ExpressionProgram.VAR -> {
                    if (o == ExpressionProgram.VAR && args[i] != 0) {
                        return unsupported("the formula '" + formula + "' is not 1-D");
                    }
                    sp++;
                    slots = Math.max(slots, sp + 1);
                    out.add(new Instruction(o == ExpressionProgram.VAR ? Op.X : Op.C, sp,
                            o == ExpressionProgram.VAR ? 0 : consts[i]));
                }
                case ExpressionProgram.NEG -> {
                    out.add(new Instruction(Op.NEG, sp, 0));
                }
                case ExpressionProgram.POS -> {
                    // nothing
                }
                case ExpressionProgram.ADD, ExpressionProgram.SUB, ExpressionProgram.MUL, ExpressionProgram.DIV -> {
                    sp--;
                    out.add(new Instruction(o == ExpressionProgram.ADD ? Op.ADD : o == ExpressionProgram.SUB ? Op.SUB
                            : o == ExpressionProgram.MUL ? Op.MUL : Op.DIV, sp, 0));
                }
                case ExpressionProgram.POW -> {
                    return unsupported("the vector engine takes ^ with a constant exponent only, in '" + formula + "'");
                }
                case ExpressionProgram.MOD -> {
                    return unsupported("the vector engine has no % (in '" + formula + "')");
                }
                case ExpressionProgram.FUNC -> {
                    Op code = switch (args[i]) {
                        case 4 -> Op.EXP;
                        case 5 -> Op.LOG;
                        case 9 -> Op.SQRT;
                        case 11 -> Op.ABS;
                        case 1 -> Op.SIN;
                        case 2 -> Op.COS;
                        default -> null;
                    };
                    if (code == null) {
                        String name = fns[i] == null ? "?" : fns[i].getName();
                        return unsupported("the vector engine has no lane version of " + name
                                + " (it has exp, log, sqrt, abs, sin, cos and ^ with a constant exponent), in '" + formula + "'");
                    }
                    out.add(new Instruction(code, sp, 0));
                }
                default -> {
                    return unsupported("the vector engine cannot run '" + formula + "'");
                }
            }
        }
        return new LaneCode(out, slots, null);
    }

    private static boolean foldable(int next, int nextArg) {
        return next == ExpressionProgram.ADD || next == ExpressionProgram.SUB || next == ExpressionProgram.MUL || next == ExpressionProgram.DIV
                || next == ExpressionProgram.POW || (next == ExpressionProgram.FUNC && nextArg == 22);
    }

    private static Op power(double c) {
        return c == Math.rint(c) && Math.abs(c) <= MAX_INTEGER_POWER ? Op.POW_I : Op.POW_R;
    }
}
