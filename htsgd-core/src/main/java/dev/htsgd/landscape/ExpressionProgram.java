package dev.htsgd.landscape;

import dev.htsgd.check.Require;
import java.util.Map;
import java.util.Set;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.ValidationResult;
import net.objecthunter.exp4j.function.Function;
import net.objecthunter.exp4j.operator.Operator;
import net.objecthunter.exp4j.shuntingyard.ShuntingYard;
import net.objecthunter.exp4j.tokenizer.FunctionToken;
import net.objecthunter.exp4j.tokenizer.NumberToken;
import net.objecthunter.exp4j.tokenizer.OperatorToken;
import net.objecthunter.exp4j.tokenizer.Token;
import net.objecthunter.exp4j.tokenizer.VariableToken;

/**
 * A formula f(x), f(x, y) or f(x, y, z) compiled to a postfix program for {@link ExpressionObjective}: exp4j parses
 * the text and its shunting-yard gives the postfix order, which is then flattened into opcode arrays that the
 * objective evaluates in forward-mode automatic differentiation without allocating.
 *
 * @param dimension the index of the highest variable used plus one: 1 for x only, 2 when y is the highest, 3 when
 *     z is used (also without y: f(x, z) is a 3-D landscape constant along y)
 * @param ops the opcode of each postfix token
 * @param args VAR: the variable's index; FUNC: the built-in's code; else unused
 * @param consts CONST: the value; else unused
 * @param functions FUNC: the exp4j function; else null
 * @param maxDepth the deepest the value stack gets
 * @param maxArity the most arguments of a function
 */
record ExpressionProgram(int dimension, int[] ops, int[] args, double[] consts, Function[] functions, int maxDepth,
        int maxArity) {

    static final int CONST = 0;
    static final int VAR = 1;
    static final int ADD = 2;
    static final int SUB = 3;
    static final int MUL = 4;
    static final int DIV = 5;
    static final int POW = 6;
    static final int MOD = 7;
    static final int NEG = 8;
    static final int POS = 9;
    static final int FUNC = 10;

    // built-in function codes (argument at the top of the stack)
    static final int F_GENERIC = 0;
    static final Map<String, Integer> BUILTINS = Map.ofEntries(
            Map.entry("sin", 1), Map.entry("cos", 2), Map.entry("tan", 3), Map.entry("exp", 4),
            Map.entry("log", 5), Map.entry("log10", 6), Map.entry("log2", 7), Map.entry("log1p", 8),
            Map.entry("sqrt", 9), Map.entry("cbrt", 10), Map.entry("abs", 11), Map.entry("sinh", 12),
            Map.entry("cosh", 13), Map.entry("tanh", 14), Map.entry("asin", 15), Map.entry("acos", 16),
            Map.entry("atan", 17), Map.entry("expm1", 18), Map.entry("signum", 19), Map.entry("floor", 20),
            Map.entry("ceil", 21), Map.entry("pow", 22));

    /** The variables of a formula, in coordinate order: x is coordinate 0, y 1, z 2. */
    static final java.util.List<String> VARIABLES = java.util.List.of("x", "y", "z");

    /**
     * Compiles {@code formula}.
     *
     * @throws dev.htsgd.check.InvalidParameterException naming {@code landscape} when the formula does not parse or
     *     uses unknown names
     */
    static ExpressionProgram compile(String formula) {
        if (formula == null || formula.isBlank()) {
            throw Require.fail("landscape", "expr: needs a formula in x (and y, z), e.g. expr:x^4/10-x^2");
        }
        Token[] rpn;
        try {
            ValidationResult vr = new ExpressionBuilder(formula).variables("x", "y", "z")
                    .implicitMultiplication(false).build().validate(false);
            if (!vr.isValid()) {
                throw new IllegalArgumentException(String.join("; ", vr.getErrors()));
            }
            rpn = ShuntingYard.convertToRPN(formula, Map.of(), Map.of(), Set.of("x", "y", "z", "pi", "π", "e", "φ"), false);
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw Require.fail("landscape", "expr: cannot parse '" + formula + "': " + msg);
        }
        int dim = 1; // the highest coordinate used decides: f(x, z) is 3-D
        for (Token t : rpn) {
            if (t instanceof VariableToken v) {
                dim = Math.max(dim, VARIABLES.indexOf(v.getName()) + 1);
            }
        }
        int n = rpn.length;
        int[] ops = new int[n];
        int[] args = new int[n];
        double[] consts = new double[n];
        Function[] fns = new Function[n];
        int depth = 0;
        int maxDepth = 1;
        int maxArity = 1;
        for (int i = 0; i < n; i++) {
            Token t = rpn[i];
            if (t instanceof NumberToken num) {
                ops[i] = CONST;
                consts[i] = num.getValue();
                depth++;
            } else if (t instanceof VariableToken v) {
                switch (v.getName()) {
                    case "x" -> { ops[i] = VAR; args[i] = 0; }
                    case "y" -> { ops[i] = VAR; args[i] = 1; }
                    case "z" -> { ops[i] = VAR; args[i] = 2; }
                    case "pi", "π" -> { ops[i] = CONST; consts[i] = Math.PI; }
                    case "e" -> { ops[i] = CONST; consts[i] = Math.E; }
                    case "φ" -> { ops[i] = CONST; consts[i] = 1.61803398874; }
                    default -> throw Require.fail(
                            "landscape", "expr: unknown name '" + v.getName() + "' in '" + formula + "'");
                }
                depth++;
            } else if (t instanceof OperatorToken ot) {
                Operator op = ot.getOperator();
                if (op.getNumOperands() == 1) {
                    ops[i] = op.getSymbol().equals("-") ? NEG : POS;
                } else {
                    ops[i] = switch (op.getSymbol()) {
                        case "+" -> ADD;
                        case "-" -> SUB;
                        case "*" -> MUL;
                        case "/" -> DIV;
                        case "^" -> POW;
                        case "%" -> MOD;
                        default -> throw Require.fail(
                                "landscape", "expr: unsupported operator '" + op.getSymbol() + "' in '" + formula + "'");
                    };
                    depth--;
                }
            } else if (t instanceof FunctionToken ft) {
                Function f = ft.getFunction();
                ops[i] = FUNC;
                fns[i] = f;
                Integer code = BUILTINS.get(f.getName());
                args[i] = code != null && f.getNumArguments() == (code == 22 ? 2 : 1) ? code : F_GENERIC;
                depth -= f.getNumArguments() - 1;
                maxArity = Math.max(maxArity, f.getNumArguments());
            } else {
                throw Require.fail("landscape", "expr: cannot parse '" + formula + "'");
            }
            if (depth < 1) {
                throw Require.fail("landscape", "expr: cannot parse '" + formula + "': missing operand");
            }
            maxDepth = Math.max(maxDepth, depth);
        }
        if (depth != 1) {
            throw Require.fail("landscape", "expr: cannot parse '" + formula + "': too many operands");
        }
        return new ExpressionProgram(dim, ops, args, consts, fns, maxDepth, maxArity);
    }
}
