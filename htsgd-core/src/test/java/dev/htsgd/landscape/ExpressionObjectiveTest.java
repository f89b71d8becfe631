package dev.htsgd.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.check.InvalidParameterException;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionObjectiveTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "x^4/10-x^2; 1.3",
        "sin(x)*exp(-x^2/2)+cos(3*x); 0.7",
        "log(1+x^2)+sqrt(2+x)-tan(x/4); -0.4",
        "abs(x-0.3)^1.5 + tanh(x) + atan(2*x) + cbrt(x+5); 0.9",
        "2^x + x^x + pow(x, 3) - log10(x) + log2(x); 1.7",
        "cot(x) + sinh(x) - cosh(x/2); 0.8",
        "-x^2 + pi*e + 1e-3*x; 0.25",
        "x % 0.7 + expm1(x) + log1p(x); 0.3"})
    void derivativeOfFormulaMatchesFiniteDifferences(String formula, double x) {
        ExpressionObjective.OneD f = (ExpressionObjective.OneD) ExpressionObjective.parse(formula, null);
        DoubleUnaryOperator g = f::value;
        FiniteDifferences.Estimate e = FiniteDifferences.derivative(g, x, 1e-4);
        // AD is exact up to rounding (cot: Richardson, error ~1e-12); FD error estimate plus 1e-8
        assertThat(f.derivative(x)).isCloseTo(e.value(), within(1e-8 + 10 * e.error()));
    }

    @Test
    void valuesMatchJava() {
        ExpressionObjective.OneD f = (ExpressionObjective.OneD) ExpressionObjective.parse("x^4/10 - x^2", null);
        assertThat(f.value(2.0)).isCloseTo(1.6 - 4, within(1e-14));
        assertThat(f.derivative(2.0)).isCloseTo(0.4 * 8 - 4, within(1e-14));
        assertThat(ExpressionObjective.parse("-3^2", null).value(new double[] {0})).isCloseTo(-9.0, within(0.0));
    }

    @Test
    void twoDimensionalGradient() {
        ExpressionObjective f = ExpressionObjective.parse("(x^2+y-11)^2 + (x+y^2-7)^2", Domain.ball(new double[] {0, 0}, 6));
        assertThat(f.dimension()).isEqualTo(2);
        double[] g = new double[2];
        f.gradient(new double[] {3, 2}, g);
        assertThat(g).containsExactly(new double[] {0, 0}, within(1e-12));
        double x = 1.1;
        double y = -0.7;
        f.gradient(new double[] {x, y}, g);
        double gx = 4 * x * (x * x + y - 11) + 2 * (x + y * y - 7);
        double gy = 2 * (x * x + y - 11) + 4 * y * (x + y * y - 7);
        assertThat(g).containsExactly(new double[] {gx, gy}, within(1e-12));
    }

    /** A formula in x, y and z is 3-D; its AD gradient matches finite differences along each coordinate. */
    @Test
    void threeDimensionalGradientMatchesFiniteDifferences() {
        ExpressionObjective f = ExpressionObjective.parse("sin(x*y) + exp(-z^2)*x + y^3*z - log(1+x^2+z^2)",
                Domain.unbounded());
        assertThat(f.dimension()).isEqualTo(3);
        double[] p = {0.7, -1.3, 0.4};
        double[] g = new double[3];
        f.gradient(p, g);
        for (int k = 0; k < 3; k++) {
            FiniteDifferences.Estimate e = FiniteDifferences.partial(f, p, k, 1e-4);
            assertThat(g[k]).as("d/dx_%d", k).isCloseTo(e.value(), within(1e-8 + 10 * e.error()));
        }
    }

    /** The dimension is that of the highest variable: a formula in x and z (no y) is 3-D and flat along y. */
    @Test
    void dimensionIsTheHighestVariable() {
        assertThat(ExpressionObjective.parse("x^2 + z^2", null).dimension()).isEqualTo(3);
        assertThat(ExpressionObjective.parse("y^2", null).dimension()).isEqualTo(2);
        ExpressionObjective f = ExpressionObjective.parse("x^2 + 3*z", null);
        double[] g = new double[3];
        f.gradient(new double[] {2, 5, 1}, g);
        assertThat(g).containsExactly(4, 0, 3);
    }

    /** A ball around the origin is taken in the formula's dimension; an interval or an unknown name is refused. */
    @Test
    void threeDimensionalDomainsAndBadNames() {
        ExpressionObjective f = ExpressionObjective.parse("x^2+y^2+z^2", Domain.parse(null, 2.0));
        assertThat(f.domain()).isInstanceOfSatisfying(Domain.Ball.class, b -> assertThat(b.center()).hasSize(3));
        double[] p = {4, 0, 3};
        f.domain().project(p);
        assertThat(p).containsExactly(new double[] {1.6, 0, 1.2}, within(1e-15));
        assertThatThrownBy(() -> ExpressionObjective.parse("x+z", Domain.interval(-1, 1)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("domain: an interval is for 1-D landscapes; 'x+z' is 3-D: give a ball or a box");
        assertThatThrownBy(() -> ExpressionObjective.parse("x+z", Domain.box(new double[] {-1, -1}, new double[] {1, 1})))
                .hasMessage("domain: a 2-D box does not fit 'x+z', which is 3-D");
        assertThatThrownBy(() -> ExpressionObjective.parse("x+z", Domain.ball(new double[] {1, 0}, 2)))
                .hasMessageContaining("is 2-D and does not fit 'x+z', which is 3-D");
        assertThatThrownBy(() -> ExpressionObjective.parse("x+w", null))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("landscape expr: cannot parse 'x+w'");
    }
}
