/**
 * Data sets for the DL experiments (paper notes section 6): FashionMNIST and MNIST in IDX format (Debian's
 * {@code dataset-fashion-mnist}), CIFAR-10 binaries and SVHN .mat files, read into DJL arrays, with the
 * corrupted-label training subsets of Table 1 built from the seed.
 */
package dev.htsgd.dl.data;
