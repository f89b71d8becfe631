package dev.htsgd.dl.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Opt-in download of a dataset from its official location, each file checked against its published SHA-256
 * before it is moved into place (never used by the tests). Target: {@code --data DIR}, else
 * {@code $HTSGD_DATA}, else {@code ~/.cache/htsgd}, in a sub-directory named after the dataset.
 */
public final class DatasetDownload {
    /** One remote file. @param url where  @param name local name  @param sha256 expected digest */
    public record Remote(String url, String name, String sha256) {
    }

    private static final String FASHION = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
    private static final String MNIST = "https://ossci-datasets.s3.amazonaws.com/mnist/";

    /** The official files and their SHA-256 digests. */
    public static final Map<Dataset, List<Remote>> FILES = Map.of(
            Dataset.FASHION_MNIST, List.of(
                    new Remote(FASHION + "train-images-idx3-ubyte.gz", "train-images-idx3-ubyte.gz", "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7"),
                    new Remote(FASHION + "train-labels-idx1-ubyte.gz", "train-labels-idx1-ubyte.gz", "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056"),
                    new Remote(FASHION + "t10k-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz", "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa"),
                    new Remote(FASHION + "t10k-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05")),
            Dataset.MNIST, List.of(
                    new Remote(MNIST + "train-images-idx3-ubyte.gz", "train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
                    new Remote(MNIST + "train-labels-idx1-ubyte.gz", "train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
                    new Remote(MNIST + "t10k-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
                    new Remote(MNIST + "t10k-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6")),
            Dataset.CIFAR10, List.of(
                    new Remote("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz", "cifar-10-binary.tar.gz",
                            "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd")),
            Dataset.SVHN, List.of(
                    new Remote("http://ufldl.stanford.edu/housenumbers/train_32x32.mat", "train_32x32.mat", "435e94d69a87fde4fd4d7f3dd208dfc32cb6ae8af2240d066de1df7508d083b8"),
                    new Remote("http://ufldl.stanford.edu/housenumbers/test_32x32.mat", "test_32x32.mat", "cdce80dfb2a2c4c6160906d0bd7c68ec5a99d7ca4831afa54f09182025b6a75b")));

    private DatasetDownload() {
    }

    /** The directory a download goes to. */
    public static Path target(Dataset d, Path dataOption, Map<String, String> env) {
        Path root = dataOption != null ? dataOption
                : env.get(Dataset.ENV) != null ? Path.of(env.get(Dataset.ENV))
                : Path.of(System.getProperty("user.home"), ".cache", "htsgd");
        return root.resolve(d.cliName());
    }

    /** Downloads {@code d} unless it is already found; returns its directory. */
    public static Path ensure(Dataset d, Path dataOption, Map<String, String> env) {
        try {
            return d.locate(dataOption, env);
        } catch (DatasetNotFoundException missing) {
            Path dir = target(d, dataOption, env);
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30)).build();
            try {
                Files.createDirectories(dir);
                for (Remote r : FILES.get(d)) {
                    Path file = dir.resolve(r.name());
                    if (!Files.isRegularFile(file) || !sha256(file).equals(r.sha256())) {
                        fetch(http, r, file);
                    }
                    if (r.name().endsWith(".tar.gz")) {
                        untar(file, dir);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("download of " + d.cliName() + " into " + dir + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("download interrupted", e);
            }
            return d.locate(dir, env);
        }
    }

    static void fetch(HttpClient http, Remote r, Path file) throws IOException, InterruptedException {
        Path tmp = file.resolveSibling(file.getFileName() + ".download");
        HttpResponse<Path> resp = http.send(HttpRequest.newBuilder(URI.create(r.url())).build(),
                HttpResponse.BodyHandlers.ofFile(tmp));
        if (resp.statusCode() != 200) {
            Files.deleteIfExists(tmp);
            throw new IOException(r.url() + " answered HTTP " + resp.statusCode());
        }
        String got = sha256(tmp);
        if (!got.equals(r.sha256())) {
            Files.deleteIfExists(tmp);
            throw new IOException(r.url() + ": SHA-256 " + got + " differs from the published " + r.sha256());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int k; (k = in.read(buf)) > 0;) {
                md.update(buf, 0, k);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Extracts the regular files of a .tar.gz (ustar) flat into {@code dir}. */
    static void untar(Path tgz, Path dir) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz), 1 << 16)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                String name = new String(header, 0, 100, java.nio.charset.StandardCharsets.US_ASCII).replace("\0", "").trim();
                if (name.isEmpty()) {
                    break;
                }
                String sizeField = new String(header, 124, 12, java.nio.charset.StandardCharsets.US_ASCII).replace("\0", "").trim();
                long size = sizeField.isEmpty() ? 0 : Long.parseLong(sizeField, 8);
                byte type = header[156];
                long padded = (size + 511) / 512 * 512;
                String base = name.substring(name.lastIndexOf('/') + 1);
                if ((type == '0' || type == 0) && !base.isEmpty()) {
                    Path out = dir.resolve(base);
                    Path tmp = out.resolveSibling(base + ".part");
                    try (var os = Files.newOutputStream(tmp)) {
                        long left = size;
                        byte[] buf = new byte[1 << 16];
                        while (left > 0) {
                            int k = in.read(buf, 0, (int) Math.min(buf.length, left));
                            if (k < 0) {
                                throw new IOException(tgz + ": truncated archive");
                            }
                            os.write(buf, 0, k);
                            left -= k;
                        }
                    }
                    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
                    in.skipNBytes(padded - size);
                } else {
                    in.skipNBytes(padded);
                }
            }
        }
    }
}
