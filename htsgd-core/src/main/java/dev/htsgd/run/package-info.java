/**
 * Step 5 of the data flow (noise -> landscape -> dynamics -> sim / theory -> study -> <b>run</b> -> cli / report):
 * how a study is run and kept, shared by the command line and Spark. {@link dev.htsgd.run.Study} is the shape of
 * every experiment (settings, independent tasks, result) and {@link dev.htsgd.run.StudyRunner} runs one on local
 * threads; {@link dev.htsgd.run.RunDirectory} writes a run atomically (config.yaml, results.json, CSV, log) and
 * never replaces what htsgd did not make; {@link dev.htsgd.run.Checkpoint} keeps finished tasks so a killed run
 * resumes; {@link dev.htsgd.run.Provenance} records where a result came from; {@link dev.htsgd.run.Json} is the
 * one JSON mapper; {@link dev.htsgd.run.Progress} reports long work on stderr.
 */
package dev.htsgd.run;
