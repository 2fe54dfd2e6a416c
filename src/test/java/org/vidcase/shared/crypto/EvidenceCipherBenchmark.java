package org.vidcase.shared.crypto;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.ThreadMXBean;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.lang.management.ManagementFactory;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encryption and decryption throughput of {@link EvidenceCipher} with the default segment size,
 * beside plain single-shot AES-GCM over the same segments as the ceiling. Not a test: prints
 * figures and asserts nothing. Keeps the ciphertext in memory, so give it a heap of about twice the
 * size; the first round runs largely before the JIT has compiled the AES-GCM intrinsics:
 * <pre>
 * java -Xmx600m -XX:+UnlockDiagnosticVMOptions -cp ... EvidenceCipherBenchmark [MiB=256] [rounds=4]
 * </pre>
 * The diagnostic option only makes the intrinsic flags readable for the report.
 */
public final class EvidenceCipherBenchmark {

    private static final ThreadMXBean THREAD = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int mebibytes = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        long size = (long) mebibytes << 20;
        EvidenceCipher cipher = new EvidenceCipher();
        SecretKey dataKey = MasterKeyring.parse(MasterKeyring.generateEntry("bench"), "bench").newDataKey();
        byte[] ciphertext = new byte[Math.toIntExact(cipher.ciphertextLength(size))];

        printEnvironment(mebibytes, cipher.segmentSize());
        for (int round = 1; round <= rounds; round++) {
            SyntheticPlaintext plaintext = new SyntheticPlaintext(size, round);
            Measurement encrypt = measure(size, () -> {
                try (InputStream encrypting = cipher.encrypting(plaintext, dataKey)) {
                    encrypting.readNBytes(ciphertext, 0, ciphertext.length);
                }
            });
            Measurement decrypt = measure(size, () -> {
                try (InputStream decrypting = cipher.decrypting(new ByteArrayInputStream(ciphertext), dataKey)) {
                    if (decrypting.transferTo(OutputStream.nullOutputStream()) != size) {
                        throw new IllegalStateException("decrypted length differs");
                    }
                }
            });
            Measurement rawGcm = measure(size, () -> sealSegmentsSingleShot(ciphertext, size, dataKey));
            System.out.printf("round %d: encrypt %s | decrypt %s | raw AES-GCM %s%n", round, encrypt, decrypt, rawGcm);
        }
    }

    private static void printEnvironment(int mebibytes, int segmentSize) {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%s %s (%s), %s, %d cores, max heap %d MiB%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"), System.getProperty("os.arch"),
                runtime.availableProcessors(), runtime.maxMemory() >> 20);
        System.out.printf("UseAES=%s UseAESIntrinsics=%s UseGHASHIntrinsics=%s UseAVX=%s%n",
                vmOption("UseAES"), vmOption("UseAESIntrinsics"), vmOption("UseGHASHIntrinsics"), vmOption("UseAVX"));
        System.out.printf("%d MiB of plaintext, segment size %d KiB; MB/s = 10^6 plaintext bytes per second%n",
                mebibytes, segmentSize >> 10);
    }

    private static String vmOption(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name).getValue();
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    /** The ceiling: the same AES-GCM work without streams, one Cipher.doFinal per 1 MiB segment. */
    private static void sealSegmentsSingleShot(byte[] scratch, long size, SecretKey key) throws Exception {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] nonce = new byte[12];
        int segment = EvidenceCipher.DEFAULT_SEGMENT_SIZE;
        byte[] sealed = new byte[segment + 16];
        for (long offset = 0; offset < size; offset += segment) {
            ByteBuffer.wrap(nonce).putLong(4, offset);
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            gcm.doFinal(scratch, (int) offset, (int) Math.min(segment, size - offset), sealed, 0);
        }
    }

    private static Measurement measure(long bytes, Work work) throws Exception {
        long allocatedBefore = THREAD.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        work.run();
        long nanos = System.nanoTime() - start;
        return new Measurement(bytes * 1_000.0 / nanos, THREAD.getCurrentThreadAllocatedBytes() - allocatedBefore);
    }

    private interface Work {
        void run() throws Exception;
    }

    private record Measurement(double megabytesPerSecond, long allocatedBytes) {
        @Override
        public String toString() {
            return String.format("%6.0f MB/s, %5.1f MiB allocated", megabytesPerSecond, allocatedBytes / 1048576.0);
        }
    }
}
