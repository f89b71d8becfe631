package dev.htsgd.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link LaneWarmUp}: the first block leads, a later one waits until the leader is done (or the wait runs out),
 * and once open the gate lets every block through at once. No speed is asserted: only who waits for whom.
 */
class LaneWarmUpTest {

    @Test
    void laterBlocksWaitForTheFirstUntilItIsDone() throws Exception {
        LaneWarmUp gate = new LaneWarmUp(60_000);
        assertThat(gate.enter()).isTrue();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(gate::enter);
        Thread.sleep(200);
        assertThat(second).as("waits while the first block warms").isNotDone();
        gate.done();
        assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(gate.enter()).as("open: no second leader").isFalse();
        gate.done(); // idempotent
    }

    /**
     * A wait ends after its limit when the first block never reports (it failed, say), and that opens the gate: the
     * next block does not wait again (it returns well within the limit; 2 s limit, 1 s allowed).
     */
    @Test
    void aWaitEndsAfterItsLimitAndThenTheGateStaysOpen() throws Exception {
        LaneWarmUp gate = new LaneWarmUp(2000);
        assertThat(gate.enter()).isTrue();
        long t0 = System.nanoTime();
        assertThat(CompletableFuture.supplyAsync(gate::enter).get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(2000));
        long t1 = System.nanoTime();
        assertThat(CompletableFuture.supplyAsync(gate::enter).get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(System.nanoTime() - t1).isLessThan(TimeUnit.MILLISECONDS.toNanos(1000));
    }
}
