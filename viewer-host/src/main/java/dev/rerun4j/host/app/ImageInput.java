package dev.rerun4j.host.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** An image upload (PNG, JPEG, BMP, GIF); handlers get an {@link ImageValue}, or null when none was given. */
public final class ImageInput extends Input<ImageValue, ImageInput> {

    /** Larger images are refused before decoding, so one upload cannot take the heap. */
    public static final long MAX_PIXELS = 64L << 20;

    public ImageInput(String label) {
        super(label);
    }

    @Override
    public String kind() { return "image"; }

    @Override
    protected ImageValue parse(JsonNode raw, UploadLookup uploads) {
        if (raw == null || raw.isNull() || raw.asText().isEmpty()) return null;
        Upload u = uploads.find(raw.asText());
        if (u == null) throw new InvalidInputException(label() + ": upload '" + raw.asText() + "' is unknown or expired; upload the image again");
        try {
            var in = ImageIO.createImageInputStream(new ByteArrayInputStream(u.bytes()));
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new InvalidInputException(label() + ": the uploaded file is not an image format we can read (PNG, JPEG, BMP, GIF)");
            var reader = readers.next();
            try {
                reader.setInput(in);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) throw new InvalidInputException(label() + ": image of " + pixels + " pixels is over the limit of " + MAX_PIXELS);
                BufferedImage img = reader.read(0);
                return new ImageValue(img, u.bytes(), u.contentType());
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new InvalidInputException(label() + ": the uploaded image cannot be decoded (" + e.getMessage() + ")");
        }
    }

    @Override
    protected Object toPage(ImageValue v) {
        return null;
    }
}
