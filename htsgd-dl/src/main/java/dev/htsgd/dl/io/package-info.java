/** Weights on disk: numpy {@code .npz} archives with one array per named parameter, readable by numpy and PyTorch. */
package dev.htsgd.dl.io;
