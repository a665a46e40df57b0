package se.portvakt;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a QR code the way a phone camera would, from the SVG image the server drew: what did it really show? */
public final class QrScanner {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final int PIXELS_PER_MODULE = 4;

    private QrScanner() {}

    public static String scan(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) {
            throw new AssertionError("Not a QR code image: " + svg);
        }
        int modules = Integer.parseInt(box.group(1));
        int size = modules * PIXELS_PER_MODULE;
        int[] pixels = new int[size * size];
        java.util.Arrays.fill(pixels, 0xFFFFFF);
        Matcher module = MODULE.matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < PIXELS_PER_MODULE; dy++) {
                for (int dx = 0; dx < PIXELS_PER_MODULE; dx++) {
                    pixels[(y * PIXELS_PER_MODULE + dy) * size + x * PIXELS_PER_MODULE + dx] = 0;
                }
            }
        }
        try {
            // a drawn code, not a photo: no perspective or noise to search for
            return new QRCodeReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels))),
                            Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                    .getText();
        } catch (Exception e) {
            throw new AssertionError("The QR code cannot be read", e);
        }
    }
}
