package dev.htsgd.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
}
