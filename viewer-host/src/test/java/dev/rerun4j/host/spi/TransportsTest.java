package dev.rerun4j.host.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransportsTest {
    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void resolvesProvidersFoundWithServiceLoader() {
        assertEquals("inprocess", Transports.resolve(List.of("inprocess"), loader).get(0).name());
        assertEquals(List.of("ws", "grpc"), Transports.parseNames(" ws, grpc ,"));
    }

    @Test
    void aKnownTransportWhoseArtifactIsMissingNamesTheArtifact() {
        // transport-grpc is not on viewer-host's class path.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Transports.resolve(List.of("grpc"), loader));
        assertTrue(e.getMessage().contains("dev.rerun4j:rerun4j-transport-grpc") && e.getMessage().contains("inprocess"), e.getMessage());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Transports.resolve(List.of("pigeon"), loader));
        assertTrue(e.getMessage().contains("pigeon") && e.getMessage().contains("ws") && e.getMessage().contains("grpc"), e.getMessage());
    }
}
