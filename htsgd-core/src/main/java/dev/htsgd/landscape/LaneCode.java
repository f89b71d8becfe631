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
