/** JMH benchmarks of the engine and the noise samplers, and timing harnesses; not run by the tests. */
package dev.htsgd.bench;
