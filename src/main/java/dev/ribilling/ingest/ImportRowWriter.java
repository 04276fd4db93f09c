package dev.ribilling.ingest;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** The step-scoped writer of an import step: the usage writer or the keyed writer of the step's kind. */
public class ImportRowWriter implements ItemWriter<ParsedItem<Object>> {

    private final ItemWriter<ParsedItem<Object>> delegate;

    public ImportRowWriter(ItemWriter<ParsedItem<Object>> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void write(Chunk<? extends ParsedItem<Object>> chunk) throws Exception {
        delegate.write(chunk);
    }
}
