package dev.htsgd.dl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The PyTorch engine loads offline from the Maven native jar and computes a backward pass. */
class DjlSmokeTest {

    @Test
    void linearBackwardOffline() {
        assertThat(Engine.getInstance().getEngineName()).isEqualTo("PyTorch");
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear linear = Linear.builder().setUnits(1).build();
            linear.setInitializer(new ConstantInitializer(0.5f), Parameter.Type.WEIGHT);
            linear.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
            linear.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
            NDArray x = manager.create(new float[] {1f, 2f}, new Shape(1, 2));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = linear.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
                gc.backward(y.sum());
            }
            // d(w.x)/dw = x
            float[] g = linear.getParameters().get("weight").getArray().getGradient().toFloatArray();
            assertThat(g).containsExactly(1f, 2f);
        }
    }
}
