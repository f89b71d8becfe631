import dev.htsgd.landscape.*;
import dev.htsgd.theory.FlowFields;
import java.util.SplittableRandom;
/** Independent check of the d-D one-jump mean exit time (docs/results/two-d/README.md): one clipped isotropic jump from the minimum. */
public class OneJumpCheck {
  public static void main(String[] a) {
    String name = a[0]; int basin = Integer.parseInt(a[1]); double b = Double.parseDouble(a[2]);
    Objective f = Landscapes.of(name);
    FlowFields ff = FlowFields.of(f);
    double[] m = ff.minima()[basin]; double r = ff.radius(basin);
    System.out.println(name + " basin " + basin + " m=" + java.util.Arrays.toString(m) + " r=" + r + " label(m)=" + ff.label(m));
    SplittableRandom rng = new SplittableRandom(7);
    int n = Integer.parseInt(a[3]); int out = 0;
    double[] x = new double[2];
    for (int k = 0; k < n; k++) {
      // jump length eta*|Z| given it exceeds r: Pareto tail beyond r (alpha 1.2)
      double len = r * Math.pow(rng.nextDouble(), -1 / 1.2);
      double th = 2 * Math.PI * rng.nextDouble();
      double l = Math.min(len, b);  // L2 clipping of the update at b
      x[0] = m[0] + l * Math.cos(th); x[1] = m[1] + l * Math.sin(th);
      f.domain().project(x);
      if (ff.label(x) != basin) out++;
    }
    double pc = (double) out / n;
    System.out.println("P(exit | eta|Z| >= r) = " + pc + " +- " + Math.sqrt(pc * (1 - pc) / n));
    for (double eta : new double[] {2e-3, 1e-3, 1e-4}) {
      double pr = Math.pow(0.75 * eta / r, 1.2); // P(0.75 W eta >= r)
      System.out.println("eta " + eta + ": per-step exit probability " + pr * pc + ", mean steps 1/p = " + 1 / (pr * pc));
    }
  }
}
