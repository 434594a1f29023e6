package dev.rerun4j.demos;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * The robot's synthetic camera, drawn with OpenCV: a floor and a wall, the pillar the robot
 * circles (it drifts across the view as the robot turns), a blinking status light and the frame
 * number. BGR, 8 bits per channel, like a real OpenCV capture.
 */
final class RobotCamera {
    static {
        OpenCvLoader.load();
    }

    private final int width, height;
    private final Mat frame;
    private final byte[] pixels;

    RobotCamera(int width, int height) {
        this.width = width;
        this.height = height;
        this.frame = new Mat(height, width, CvType.CV_8UC3);
        this.pixels = new byte[width * height * 3];
    }

    int width() { return width; }

    int height() { return height; }

    /**
     * Draws one frame. {@code bearing} is where the pillar is seen, in radians from the optical
     * axis (positive = to the left, as in the robot's frame); {@code distance} how far it is, in metres.
     */
    byte[] render(long frameIndex, double bearing, double distance, double battery) {
        int horizon = height * 2 / 5;
        frame.setTo(new Scalar(235, 206, 135));                                 // sky-blue wall (BGR)
        Imgproc.rectangle(frame, new Rect(0, horizon, width, height - horizon), new Scalar(90, 110, 120), Core.FILLED);
        for (int i = -6; i <= 6; i++) {                                         // floor tiles in perspective
            Imgproc.line(frame, new Point(width / 2.0 + i * width / 14.0, horizon),
                    new Point(width / 2.0 + i * width / 2.5, height), new Scalar(70, 85, 95), 1);
        }
        double fov = Math.toRadians(70);
        if (Math.abs(bearing) < fov * 0.7) {
            int cx = (int) Math.round(width / 2.0 - bearing / (fov / 2) * width / 2.0);
            int half = (int) Math.max(6, Math.min(width / 3.0, width * 0.35 / Math.max(distance, 0.3)));
            int top = Math.max(0, horizon - 3 * half);
            Imgproc.rectangle(frame, new Point(cx - half, top), new Point(cx + half, horizon + half / 2.0),
                    new Scalar(0, 140, 255), Core.FILLED);                      // orange pillar
            Imgproc.rectangle(frame, new Point(cx - half, top), new Point(cx + half, horizon + half / 2.0),
                    new Scalar(0, 70, 160), 2);
        }
        Scalar light = frameIndex % 10 < 5 ? new Scalar(0, 220, 0) : new Scalar(0, 90, 0);
        Imgproc.circle(frame, new Point(width - 18, 18), 9, light, Core.FILLED);
        Imgproc.putText(frame, String.format("frame %d  battery %.0f%%", frameIndex, battery), new Point(8, height - 10),
                Imgproc.FONT_HERSHEY_SIMPLEX, 0.45, new Scalar(255, 255, 255), 1);
        frame.get(0, 0, pixels);
        return pixels.clone();
    }
}
