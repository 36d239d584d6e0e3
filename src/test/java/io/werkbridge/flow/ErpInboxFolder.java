package io.werkbridge.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The ERP inbox folder ({@code werkbridge.erp.inbox}) as a test writes into it. */
public record ErpInboxFolder(String inbox) {

    /** Writes a whole file the way a careful sender does: under a hidden name first, then renamed. */
    public void drop(String name, String content) throws IOException {
        Path staged = dir("").resolve("." + name);
        Files.writeString(staged, content);
        Files.move(staged, dir("").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The inbox ("") or one of its folders (done, error), created if absent. */
    public Path dir(String sub) throws IOException {
        Path dir = Path.of(inbox).resolve(sub);
        Files.createDirectories(dir);
        return dir;
    }
}
