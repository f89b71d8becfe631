package dev.htsgd.landscape;

import java.util.Arrays;

/**
 * A 1-D {@code expr:} formula as the straight-line program the vector engine runs ({@code dev.htsgd.dynamics.LaneTape}):
 * the same postfix order as {@link ExpressionObjective}'s scalar evaluation, with the value stack resolved at
 * compile time (instruction i writes slot {@code slot[i]}) and a constant that is the right operand of a binary
 * operator folded into it. One interpretation of the program then serves K paths, value and derivative f'(x)
 * together (forward-mode automatic differentiation on lanes).
 *
 * <p>Supported: x, constants, + - * /, unary minus, {@code ^} and {@code pow} with a constant exponent, exp, log, sqrt
 * and abs. Anything else (a varying exponent, %, trigonometric and other functions) makes {@link #reason()} say
 * what, and the formula runs on the scalar engine.
 *
 * @param op the opcode of each instruction
 * @param slot the stack slot each instruction writes (for a binary operator: its left operand's)
 * @param imm the folded constant of each instruction (or the pushed constant); else 0
 * @param slots the number of stack slots
 * @param reason null when the formula runs on lanes; else why not
 */
public record LaneCode(int[] op, int[] slot, double[] imm, int slots, String reason) {

    /** Push x (derivative 1). */
    public static final int X = 0;
    /** Push (or, at a slot, set) the constant imm (derivative 0). */
    public static final int C = 1;
    public static final int NEG = 2;
    /** slot op slot + 1 into slot. */
    public static final int ADD = 3;
    public static final int SUB = 4;
    public static final int MUL = 5;
    public static final int DIV = 6;
    /** slot op imm into slot. */
    public static final int ADD_C = 7;
    public static final int SUB_C = 8;
    public static final int MUL_C = 9;
    public static final int DIV_C = 10;
    /** slot ^ imm, imm an integer of magnitude at most {@link #MAX_INTEGER_POWER}. */
    public static final int POW_I = 11;
    /** slot ^ imm, any other constant imm: exp(imm log(slot)). */
    public static final int POW_R = 12;
    public static final int EXP = 13;
    public static final int LOG = 14;
    public static final int SQRT = 15;
    public static final int ABS = 16;

    /** The largest integer exponent taken by repeated multiplication. */
    public static final int MAX_INTEGER_POWER = 64;

    public LaneCode {
        op = op.clone();
        slot = slot.clone();
        imm = imm.clone();
    }

    @Override
    public int[] op() {
        return op.clone();
    }

    @Override
    public int[] slot() {
        return slot.clone();
    }

    @Override
    public double[] imm() {
        return imm.clone();
    }

    /** The number of instructions. */
    public int length() {
        return op.length;
    }

    /** The opcode of instruction i (without copying). */
    public int op(int i) {
        return op[i];
    }

    /** The slot of instruction i. */
    public int slot(int i) {
        return slot[i];
    }

    /** The constant of instruction i. */
    public double imm(int i) {
        return imm[i];
    }

    /** True when the formula runs on lanes. */
    public boolean supported() {
        return reason == null;
    }

    private static LaneCode unsupported(String why) {
        return new LaneCode(new int[0], new int[0], new double[0], 0, why);
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
        int[] op = new int[n];
        int[] slot = new int[n];
        double[] imm = new double[n];
        int k = 0;
        int sp = -1;
        int slots = 0;
        for (int i = 0; i < n; i++) {
            int o = ops[i];
            boolean folds = o == ExpressionProgram.CONST && i + 1 < n && foldable(ops[i + 1], args[i + 1]);
            if (folds) {
                double c = consts[i];
                int next = ops[i + 1];
                int code = next == ExpressionProgram.ADD ? ADD_C : next == ExpressionProgram.SUB ? SUB_C : next == ExpressionProgram.MUL ? MUL_C
                        : next == ExpressionProgram.DIV ? DIV_C
                        : power(c);
                if (code == POW_I && c == 0) {
                    code = C; // a^0 = 1, also for a = 0 or NaN (Math.pow)
                    c = 1;
                }
                op[k] = code;
                slot[k] = sp;
                imm[k++] = c;
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
                    op[k] = o == ExpressionProgram.VAR ? X : C;
                    slot[k] = sp;
                    imm[k++] = o == ExpressionProgram.VAR ? 0 : consts[i];
                }
                case ExpressionProgram.NEG -> {
                    op[k] = NEG;
                    slot[k++] = sp;
                }
                case ExpressionProgram.POS -> {
                    // nothing
                }
                case ExpressionProgram.ADD, ExpressionProgram.SUB, ExpressionProgram.MUL, ExpressionProgram.DIV -> {
                    sp--;
                    op[k] = o == ExpressionProgram.ADD ? ADD : o == ExpressionProgram.SUB ? SUB : o == ExpressionProgram.MUL ? MUL : DIV;
                    slot[k++] = sp;
                }
                case ExpressionProgram.POW -> {
                    return unsupported("the vector engine takes ^ with a constant exponent only, in '" + formula + "'");
                }
                case ExpressionProgram.MOD -> {
                    return unsupported("the vector engine has no % (in '" + formula + "')");
                }
                case ExpressionProgram.FUNC -> {
                    int code = switch (args[i]) {
                        case 4 -> EXP;
                        case 5 -> LOG;
                        case 9 -> SQRT;
                        case 11 -> ABS;
                        default -> -1;
                    };
                    if (code < 0) {
                        String name = fns[i] == null ? "?" : fns[i].getName();
                        return unsupported("the vector engine has no lane version of " + name
                                + " (it has exp, log, sqrt, abs and ^ with a constant exponent), in '" + formula + "'");
                    }
                    op[k] = code;
                    slot[k++] = sp;
                }
                default -> {
                    return unsupported("the vector engine cannot run '" + formula + "'");
                }
            }
        }
        return new LaneCode(Arrays.copyOf(op, k), Arrays.copyOf(slot, k), Arrays.copyOf(imm, k), slots, null);
    }

    private static boolean foldable(int next, int nextArg) {
        return next == ExpressionProgram.ADD || next == ExpressionProgram.SUB || next == ExpressionProgram.MUL || next == ExpressionProgram.DIV
                || next == ExpressionProgram.POW || (next == ExpressionProgram.FUNC && nextArg == 22);
    }

    private static int power(double c) {
        return c == Math.rint(c) && Math.abs(c) <= MAX_INTEGER_POWER ? POW_I : POW_R;
    }
}
