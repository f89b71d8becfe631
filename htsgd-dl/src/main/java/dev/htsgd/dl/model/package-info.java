/** The networks of the DL tables (LeNet, VGG-11, an MLP) as DJL blocks on the PyTorch engine, initialised from the seed. */
package dev.htsgd.dl.model;
