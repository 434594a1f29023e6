package dev.rerun4j.host.app;

import dev.rerun4j.model.archetypes.Image;
import java.awt.image.BufferedImage;

/**
 * An uploaded image: the decoded picture, ready for the SDK ({@link #toRerun()}) or for OpenCV
 * (convert {@link #image()}; a {@code TYPE_3BYTE_BGR} raster is OpenCV's own layout), plus the file.
 */
public record ImageValue(BufferedImage image, byte[] fileBytes, String contentType) {

    public int width() { return image.getWidth(); }

    public int height() { return image.getHeight(); }

    /** The image as a Rerun Image archetype (no pixel copy for byte-backed BGR/gray images). */
    public Image toRerun() { return Image.fromBufferedImage(image); }

    /** The pixels as 8-bit BGR, row-major (OpenCV's {@code CV_8UC3} layout); converted if needed. */
    public BufferedImage asBgr() {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) return image;
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(image, 0, 0, null);
        return bgr;
    }
}
