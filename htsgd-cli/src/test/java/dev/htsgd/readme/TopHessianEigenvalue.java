package dev.htsgd.readme;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import dev.htsgd.dl.sharpness.HessianOperator;
import dev.htsgd.dl.sharpness.HessianSpectrum;
import dev.htsgd.dl.sharpness.HvpMethod;
import dev.htsgd.dl.sharpness.NetworkLoss;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The README's third program: the top eigenvalues of the loss Hessian of any DJL block, by Lanczos on exact
 * (double back-propagation) Hessian-vector products, against finite differences of gradients. Lines tagged
 * {@code README:omit} are the test's hooks and are not in the README.
 */
public final class TopHessianEigenvalue {

    private TopHessianEigenvalue() {
    }

    /** The numbers the program prints, and the dense Hessian for the test. */
    public record Numbers(int dimension, double[] top, int products, boolean converged, double topFiniteDifference,
                          DMatrixRMaj dense) {
    }

    public static Numbers run() {
        // README:hessian begin
        Engine.getInstance().setRandomSeed(1);                  // DJL's initialisers draw from the engine
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock block = new SequentialBlock()
                    .add(Linear.builder().setUnits(8).build()).add(Activation::tanh)
                    .add(Linear.builder().setUnits(3).build());
            block.initialize(m, DataType.FLOAT64, new Shape(1, 4));
            NDArray x = m.randomUniform(-1, 1, new Shape(50, 4), DataType.FLOAT64);
            NDArray y = m.randomInteger(0, 3, new Shape(50), DataType.INT32);
            try (NetworkLoss loss = NetworkLoss.of(block, x, y)) { // mean cross-entropy L(theta)
                double[] theta = loss.parameters();
                HessianOperator h = HessianOperator.of(loss, theta, HvpMethod.EXACT);
                HessianSpectrum.TopEigenvalues top = HessianSpectrum.top(h, 3, HessianSpectrum.Options.defaults(1));
                HessianOperator fd = HessianOperator.of(loss, theta, HvpMethod.FINITE_DIFFERENCE);
                double topFd = HessianSpectrum.top(fd, 1, HessianSpectrum.Options.defaults(1)).top();
                System.out.printf("d = %d, top eigenvalues %s (%d products, converged %b)%n", loss.dimension(),
                        Arrays.toString(top.values()), top.products(), top.converged());
                System.out.printf("lambda_max from finite-difference products: %.8f%n", topFd);
                return new Numbers(loss.dimension(), top.values(), top.products(), top.converged(), topFd, h.toMatrix()); // README:omit
            }
        }
        // README:hessian end
    }
}
