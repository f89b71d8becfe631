/** The DL commands' glue: one training run ({@code htsgd train}) and the Table 2 reproduction ({@code reproduce dl-fashion}). */
package dev.htsgd.cli.dl;
