package dev.filament.application.blob.fakes;

import dev.filament.application.blob.port.out.MimeSniffer;
import dev.filament.application.blob.port.out.MimeSnifferContract;

class InMemoryMimeSnifferTest extends MimeSnifferContract {
    @Override
    protected MimeSniffer createSniffer() {
        return new InMemoryMimeSniffer();
    }
}
