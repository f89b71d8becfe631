package dev.htsgd.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.htsgd.landscape.ExpressionObjective;
import dev.htsgd.landscape.LaneCode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * f'(x) of {@code expr:} formulas on lanes ({@link LaneTape}) against two references: the scalar forward-mode
 * evaluation of {@link ExpressionObjective} (same rules, other rounding: relative 1e-12 allowed, which bounds a few
 * ulps of exp, log and powers through the chain rule) and, for x^4/10 - x^2, the closed form 0.4 x^3 - 2 x.
 */
class LaneTapeTest {

    private static double[] lanes(String formula, double[] x) {
        ExpressionObjective f = ExpressionObjective.parse(formula, null);
        LaneCode code = f.laneCode();
        assertThat(code.reason()).as(formula).isNull();
        double[] g = new double[x.length];
        new LaneTape(code, x.length).gradient(x.clone(), g, x.length);
        return g;
    }

    private static double[] points(int n, double lo, double hi, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int k = LanePasses.width();
        double[] x = new double[(n + k - 1) / k * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = lo + (hi - lo) * r.nextDouble();
        }
        return x;
    }

    @Test
    void quarticMatchesItsClosedForm() {
        assumeThat(LaneEngine.available()).isTrue();
        double[] x = points(256, -3, 3, 1);
        double[] g = lanes("x^4/10-x^2", x);
        for (int i = 0; i < x.length; i++) {
            double want = 0.4 * x[i] * x[i] * x[i] - 2 * x[i];
            assertThat(g[i]).as("x = %s", x[i]).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-13 * (1 + Math.abs(want))));
        }
    }

    @Test
    void everyLaneOperationMatchesTheScalarEvaluation() {
        assumeThat(LaneEngine.available()).isTrue();
        String[] formulas = {
            "x^4/10-x^2",
            "-(x-1)*(x+2)/(x^2+3) + 2 - x",
            "0.3*exp(-(x-1)^2) + 0.05*sqrt(x^2+1) + 0.01*abs(x) + 0.02*log(x^2+2)",
            "pow(x^2+1, 0.6) - (x^2+0.5)^-1.5 + 10/(x^2+1)",
            "x^3 + x^-2 + x^0 + x^1",
            "3-x*2+x/4-1",
            "x^2/4 + 0.3*sin(5*x) - cos(x)^2",
            // polynomials, by Horner's rule on their expanded coefficients (degree 3 and 8 of f')
            "(x+1.3)*(x-0.2)*(x-0.7)*(x-1.5)/4 - exp(1)*x",
            "x^9/90 - (x^2-1)^3/3 + 2",
        };
        double[] x = points(512, -2.5, 2.5, 7);
        for (String s : formulas) {
            ExpressionObjective.OneD f = (ExpressionObjective.OneD) ExpressionObjective.parse(s, null);
            double[] g = lanes(s, x);
            for (int i = 0; i < x.length; i++) {
                double want = f.derivative(x[i]);
                assertThat(Math.abs(g[i] - want)).as("%s at x = %s: lanes %s, scalar %s", s, x[i], g[i], want)
                        .isLessThanOrEqualTo(1e-12 * Math.max(1, Math.abs(want)));
            }
        }
    }

    /** Which formulas are polynomials, and their f' coefficients (exact here: powers of x and exact constants). */
    @Test
    void polynomialFormulasGiveTheCoefficientsOfTheirDerivative() {
        assertThat(poly("x^4/10-x^2")).containsExactly(0, -2, 0, 0.4);
        assertThat(poly("3-x*2+x/4-1")).containsExactly(-1.75);
        assertThat(poly("(x-1)*(x+1)")).containsExactly(0, 2);
        assertThat(poly("x^9 + 2^3*x")).containsExactly(8, 0, 0, 0, 0, 0, 0, 0, 9);
        assertThat(poly("sqrt(4)*x^2 + cos(0)")).containsExactly(0, 4);
        assertThat(poly("7")).containsExactly(0);
        // not polynomials, or beyond degree 8 of f': the program runs
        for (String f : new String[] {"x^10", "(x^2+1)^5", "x^-2 + x", "1/(x^2+1)", "x/(x+2)", "sin(x)", "x^0.5",
            "exp(x)*x"}) {
            assertThat(poly(f)).as(f).isNull();
        }
    }

    private static double[] poly(String formula) {
        return ExpressionObjective.parse(formula, null).laneCode().derivativePolynomial();
    }

    @Test
    void outsideTheDomainTheDerivativeIsNaNAsInTheScalarRules() {
        assumeThat(LaneEngine.available()).isTrue();
        double[] x = points(8, -2, -1, 3);
        for (double g : lanes("log(x) + sqrt(x) + x^0.5", x)) {
            assertThat(g).isNaN();
        }
    }

    @Test
    void unsupportedFormulasSayWhy() {
        assertThat(ExpressionObjective.parse("tanh(x)+x^2", null).laneCode().reason()).contains("tanh");
        assertThat(ExpressionObjective.parse("x^x", null).laneCode().reason()).contains("constant exponent");
        assertThat(ExpressionObjective.parse("x%2", null).laneCode().reason()).contains("%");
        assertThat(ExpressionObjective.parse("x^2+y^2", null).laneCode().reason()).contains("1-D");
        assertThat(ExpressionObjective.parse("x^4/10-x^2", null).laneCode().supported()).isTrue();
    }
}
