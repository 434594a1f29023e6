package dev.rerun4j.demos;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Repeated 5×5 Gaussian blur with OpenCV, on a BGR image. */
final class Blur {
    static {
        OpenCvLoader.load();
    }

    private final Mat mat;
    private final int width, height;
    private final byte[] pixels;

    Blur(BufferedImage bgr) {
        width = bgr.getWidth();
        height = bgr.getHeight();
        byte[] src = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        mat = new Mat(height, width, CvType.CV_8UC3);
        mat.put(0, 0, src);
        pixels = src.clone();
    }

    void step() {
        Imgproc.GaussianBlur(mat, mat, new Size(5, 5), 0);
        mat.get(0, 0, pixels);
    }

    /** The current pixels, BGR row-major. A fresh array each call: logged images keep their own copy. */
    byte[] pixels() { return pixels.clone(); }

    int width() { return width; }

    int height() { return height; }
}
