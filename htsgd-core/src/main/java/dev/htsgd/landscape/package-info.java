/**
 * Step 2 of the data flow: the loss landscape f (paper notes section 1), its gradient and the domain the
 * iterates are projected onto.
 *
 * <p>{@link dev.htsgd.landscape.Objective} is f on R^d with its gradient ({@link dev.htsgd.landscape.Objective1D}
 * in one dimension); the built-ins are the ICLR test function ({@link dev.htsgd.landscape.Iclr1d}), the LD
 * quartic and Himmelblau in 2-D, and {@code expr:} formulas ({@link dev.htsgd.landscape.ExpressionObjective})
 * compiled to an op-code tape with forward-mode derivatives. {@link dev.htsgd.landscape.Domain} is the
 * projection set (an interval [-L, L], a ball or a box).
 */
package dev.htsgd.landscape;
