package dev.htsgd.dl.sharpness;

import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory of the tensors that one exact Hessian-vector product of {@link NetworkLoss} leaves in a reference
 * cycle. backward(create_graph) makes a cycle leaf -> grad -> graph -> leaf that the engine never frees (DJL cannot
 * reset .grad). Pointing the tensors of the cycle at one shared scratch block, never freed, returns their memory;
 * what stays behind is a few small autograd objects per product.
 */
final class CycleRelease {

    private static final List<ByteBuffer> KEPT = new ArrayList<>();
    private static ByteBuffer current = ByteBuffer.allocateDirect(1 << 16);

    private CycleRelease() {
    }

    /** Points each tensor's storage at the scratch block (grown to the largest, never shrunk or freed). */
    static void release(PtNDArray... tensors) {
        for (PtNDArray t : tensors) {
            long bytes = t.size() * t.getDataType().getNumOfBytes();
            JniUtils.set(t, atLeast(bytes));
        }
    }

    private static synchronized ByteBuffer atLeast(long bytes) {
        if (current.capacity() < bytes) {
            KEPT.add(current);
            current = ByteBuffer.allocateDirect(Math.toIntExact(Math.max(bytes, 2L * current.capacity())));
        }
        return current;
    }
}
