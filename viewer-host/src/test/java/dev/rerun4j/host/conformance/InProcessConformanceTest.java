package dev.rerun4j.host.conformance;

import dev.rerun4j.host.ViewerHost;

class InProcessConformanceTest extends TransportConformanceTest {
    @Override
    protected String transport() { return "inprocess"; }

    @Override
    protected PageClient connect(ViewerHost host) {
        return InProcessTransport.last.connect();
    }
}
