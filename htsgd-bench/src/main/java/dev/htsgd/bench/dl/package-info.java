/** Benchmarks of the DL training step (the Our 2 update on DJL). */
package dev.htsgd.bench.dl;
