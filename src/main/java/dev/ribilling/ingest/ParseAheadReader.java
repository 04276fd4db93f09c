package dev.ribilling.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads and parses records on a thread of its own, a bounded number ahead of the step, so that parsing the next
 * chunk overlaps the database work of the chunk being written (the usage import spends about half of its time in
 * each). The step still sees one record after another in file order, and what it saves at a commit is the
 * position of the last record it was handed, not of the records parsed ahead: a restart resumes exactly after the
 * last committed chunk, as with {@link ImportFileReader} alone.
 *
 * <p>Only the reading thread touches the file reader and the parser. Opening a file registers it in the database
 * from that thread, outside the chunk's transaction; registration is idempotent, so a rolled-back chunk or a
 * restart registers nothing twice. An exception on the reading thread (an unreadable file, a missing column) is
 * thrown to the step at the record where it happened.
 */
public class ParseAheadReader<T> implements ItemStreamReader<ParsedItem<T>> {

    /** One element of the queue: a parsed record with the reader's position after it, the end, or a failure. */
    private record Ahead<T>(ParsedItem<T> parsed, int fileIndex, long recordsDone, Throwable failure) {
    }

    private final ImportFileReader files;
    private final ImportRowProcessor<T> parser;
    /**
     * Records travel in batches: a hand-over per record cost the two threads a wake-up (a system call) per record,
     * about a tenth of the usage step.
     */
    static final int BATCH = 256;

    private final BlockingQueue<List<Ahead<T>>> queue;
    private List<Ahead<T>> batch = List.of();
    private int next;
    private final String name;

    private Thread thread;
    private volatile boolean stopping;
    private boolean ended;
    private int fileIndex;
    private long recordsDone;

    /**
     * @param ahead how many parsed records may wait for the step, rounded up to whole batches (the usage step gives
     *     two chunks: the reading thread keeps parsing while the step writes a chunk)
     */
    public ParseAheadReader(String name, ImportFileReader files, ImportRowProcessor<T> parser, int ahead) {
        this.name = name;
        this.files = files;
        this.parser = parser;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, (ahead + BATCH - 1) / BATCH));
    }

    @Override
    public void open(ExecutionContext context) {
        files.open(context);
        fileIndex = files.fileIndex();
        recordsDone = files.recordsDone();
    }

    @Override
    public ParsedItem<T> read() throws Exception {
        if (ended) {
            return null;
        }
        if (thread == null) {
            thread = new Thread(this::readAhead, name + "-parse-ahead");
            thread.setDaemon(true);
            thread.start();
        }
        if (next == batch.size()) {
            batch = queue.take();
            next = 0;
        }
        Ahead<T> ahead = batch.get(next++);
        if (ahead.failure() != null) {
            ended = true;
            if (ahead.failure() instanceof Exception e) {
                throw e;
            }
            throw (Error) ahead.failure();
        }
        fileIndex = ahead.fileIndex();
        recordsDone = ahead.recordsDone();
        if (ahead.parsed() == null) {
            ended = true;
        }
        return ahead.parsed();
    }

    private void readAhead() {
        List<Ahead<T>> pending = new ArrayList<>(BATCH);
        try {
            while (!stopping) {
                ImportItem item = files.read();
                ParsedItem<T> parsed = item == null ? null : parser.process(item).withoutFields();
                pending.add(new Ahead<>(parsed, files.fileIndex(), files.recordsDone(), null));
                if (item == null) {
                    put(pending);
                    return;
                }
                if (pending.size() == BATCH) {
                    if (!put(pending)) {
                        return;
                    }
                    pending = new ArrayList<>(BATCH);
                }
            }
        } catch (Throwable failure) {
            // The records parsed before the failure first, in order, then the failure where it happened.
            pending.add(new Ahead<>(null, 0, 0, failure));
            put(pending);
        }
    }

    /** Waits for room in the queue; gives up when the step closes the reader. */
    private boolean put(List<Ahead<T>> ahead) {
        try {
            while (!stopping) {
                if (queue.offer(ahead, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void update(ExecutionContext context) {
        ImportFileReader.savePosition(context, name, fileIndex, recordsDone);
    }

    @Override
    public void close() {
        stopping = true;
        if (thread != null) {
            // No interrupt: it would close the file's channel under the reading thread; it stops at its next record
            // (after a restart's skipping, if it is skipping). No time limit either: the file reader must not be
            // closed while that thread still uses it.
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ItemStreamException("interrupted while stopping the parse-ahead thread of " + name, e);
            }
            thread = null;
        }
        queue.clear();
        batch = List.of();
        next = 0;
        files.close();
    }
}
