package dev.ribilling.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.storage.V7__Pack_usage_rows;
import dev.ribilling.testing.UsageRows;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The packed usage writer on its own: line-days across chunks and packs, duplicates, re-imports. */
class UsageImportWriterTests {

    private static final long JOB = 1;
    private static int databases;

    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private ImportStore store;
    private long fileA;
    private long fileB;

    @BeforeEach
    void database() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:writer-" + (++databases)
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").javaMigrations(new V7__Pack_usage_rows())
                .load().migrate();
        jdbc = new JdbcTemplate(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        store = new ImportStore(jdbc);
        jdbc.update("INSERT INTO customer (customer_id, customer_name, billing_currency, payg_markup_pct, "
                + "reservation_markup_pct, row_values, file_id, line_number, loaded_at) VALUES ('c1', 'C1', 'USD', 0, 0, '', 1, 2, "
                + "CURRENT_TIMESTAMP)");
        fileA = store.registerFile("a".repeat(64), InputKind.USAGE, "usage-a.csv", "/in/usage-a.csv", Instant.now());
        fileB = store.registerFile("b".repeat(64), InputKind.USAGE, "usage-b.csv", "/in/usage-b.csv", Instant.now());
        store.startStats(JOB, fileA, "/in/usage-a.csv", InputKind.USAGE);
        store.startStats(JOB, fileB, "/in/usage-b.csv", InputKind.USAGE);
    }

    private static final LocalDate DAY = LocalDate.of(2026, 10, 7);

    /** An hourly row of VM {@code vm} at {@code hour}, from line {@code line} of {@code file}. */
    private static ParsedItem<UsageRow> row(long file, long line, String vm, int hour, String quantity, String price) {
        Instant start = DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(hour * 3600L);
        String uri = "/subscriptions/s1/resourcegroups/rg/providers/microsoft.compute/virtualmachines/" + vm;
        UsageRow r = new UsageRow("c1", DAY, start, 1, "s1", null, "rg", uri, "Virtual Machines", "Microsoft.Compute",
                "westeurope", "standard_d2s_v3", "Standard_D2s_v3", new BigDecimal(quantity), new BigDecimal(price),
                Currency.getInstance("USD"), Currency.getInstance("USD"), null, null, "Usage", "{}", RowHash.of(uri), "s1");
        return ParsedItem.loaded(new ImportItem(null, file, null, new SourceRecord(line, "raw " + line, new String[0])), r);
    }

    /** An hourly row at hour 0 of VM {@code vm} in subscription {@code subscription}, written as {@code spelling}. */
    private static ParsedItem<UsageRow> row(long file, long line, String vm, String subscription, String spelling) {
        Instant start = DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        String uri = "/subscriptions/" + subscription + "/resourcegroups/rg/providers/microsoft.compute/virtualmachines/" + vm;
        UsageRow r = new UsageRow("c1", DAY, start, 1, subscription, null, "rg", uri, "Virtual Machines",
                "Microsoft.Compute", "westeurope", "standard_d2s_v3", "Standard_D2s_v3", BigDecimal.ONE,
                new BigDecimal("0.1"), Currency.getInstance("USD"), Currency.getInstance("USD"), null, null, "Usage", "{}",
                RowHash.of(uri), spelling);
        return ParsedItem.loaded(new ImportItem(null, file, null, new SourceRecord(line, "raw " + line, new String[0])), r);
    }

    @Test
    void aSubscriptionKeepsTheSpellingOfItsFirstLineAcrossImports() {
        write(writer(), List.of(row(fileA, 2, "vm-1", "s1", "S1")));
        // A later import (a new writer): a new VM of the same subscription written in lower case.
        write(writer(), List.of(row(fileB, 2, "vm-2", "s1", "s1")));
        // A new writer's chunk holding a stored line (vm-1) and a new subscription: its optimistic insert of the lines
        // is refused and undone, and the new subscription's spelling must survive that.
        write(writer(), List.of(row(fileB, 3, "vm-1", "s1", "s1"), row(fileB, 4, "vm-3", "s2", "S2")));
        write(writer(), List.of(row(fileB, 5, "vm-4", "s2", "s2")));

        assertThat(jdbc.queryForList("SELECT subscription_display FROM usage_line ORDER BY id", String.class))
                .containsExactly("S1", "S1", "S2", "S2");
        assertThat(jdbc.queryForList("SELECT subscription_id || '=' || subscription_display FROM usage_subscription "
                + "ORDER BY subscription_id", String.class)).containsExactly("s1=S1", "s2=S2");
    }

    private void write(UsageImportWriter writer, List<ParsedItem<UsageRow>> rows) {
        tx.executeWithoutResult(s -> writer.write(new Chunk<>(rows)));
    }

    private UsageImportWriter writer() {
        return new UsageImportWriter(jdbc, store, JOB);
    }

    private Map<String, Object> stats(long file) {
        return jdbc.queryForMap("SELECT rows_read, rows_loaded, rows_duplicate FROM import_file_stats WHERE file_id = ?", file);
    }

    private List<String> rejects() {
        return jdbc.queryForList("SELECT CONCAT(file_id, ':', line_number, ' ', reason) FROM rejected_row "
                + "ORDER BY file_id, line_number", String.class);
    }

    /** A VM day of 24 hourly rows, lines first .. first+23 of the file. */
    private static List<ParsedItem<UsageRow>> vmDay(long file, long first, String vm) {
        List<ParsedItem<UsageRow>> rows = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            rows.add(row(file, first + h, vm, h, "1", "0.096"));
        }
        return rows;
    }

    @Test
    void aLineDayCutByAChunkBoundaryEndsInOnePackInLoadOrder() {
        List<ParsedItem<UsageRow>> rows = new ArrayList<>(vmDay(fileA, 2, "vm1"));
        rows.addAll(vmDay(fileA, 26, "vm2"));
        UsageImportWriter writer = writer();
        write(writer, rows.subList(0, 30));
        write(writer, rows.subList(30, 48));
        // A new writer (a restarted step) knows nothing of the earlier chunks: the optimistic insert fails over.
        write(writer(), List.of(row(fileA, 50, "vm2", 5, "2", "0.096")));

        assertThat(jdbc.queryForList("SELECT pack_no, entry_count FROM usage_pack ORDER BY line_id, pack_no"))
                .extracting(m -> m.get("pack_no") + "/" + m.get("entry_count")).containsExactly("0/24", "0/25");
        List<UsageRows.Row> stored = UsageRows.all(jdbc);
        assertThat(stored).hasSize(49);
        assertThat(stored.subList(24, 49)).extracting(UsageRows.Row::lineNumber).containsExactly(26L, 27L, 28L, 29L,
                30L, 31L, 32L, 33L, 34L, 35L, 36L, 37L, 38L, 39L, 40L, 41L, 42L, 43L, 44L, 45L, 46L, 47L, 48L, 49L, 50L);
        assertThat(stats(fileA)).containsEntry("rows_loaded", 49L).containsEntry("rows_duplicate", 0L);
        assertThat(jdbc.queryForObject("SELECT row_count FROM usage_customer_day", Long.class)).isEqualTo(49);
        assertThat(jdbc.queryForObject("SELECT amount FROM usage_file_day", BigDecimal.class))
                .isEqualByComparingTo("4.800"); // 48 x 1 x 0.096 + 2 x 0.096
    }

    @Test
    void duplicatesAreFoundAcrossChunksPacksAndFilesWithTheFirstRowsOrigin() {
        UsageImportWriter writer = new UsageImportWriter(jdbc, store, JOB, 60); // about 4 entries a pack
        List<ParsedItem<UsageRow>> day = vmDay(fileA, 2, "vm1");
        write(writer, day.subList(0, 10));
        write(writer, day.subList(10, 24));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usage_pack", Integer.class)).as("spilled").isGreaterThan(3);
        assertThat(jdbc.queryForObject("SELECT SUM(entry_count) FROM usage_pack", Integer.class)).isEqualTo(24);

        // Another file repeats hours 0 and 20 (first and a later pack), at another scale; hour 21 at another
        // quantity and hour 22 at another price are new rows of the same line and slot.
        write(writer, List.of(row(fileB, 2, "vm1", 0, "1.000", "0.09600"), row(fileB, 3, "vm1", 20, "1", "0.096"),
                row(fileB, 4, "vm1", 21, "0.5", "0.096"), row(fileB, 5, "vm1", 22, "1", "0.1"),
                row(fileB, 6, "vm1", 22, "1", "0.10")));
        assertThat(stats(fileB)).containsEntry("rows_read", 5L).containsEntry("rows_loaded", 2L)
                .containsEntry("rows_duplicate", 3L);
        assertThat(rejects()).containsExactly(
                fileB + ":2 duplicate: every column equals the usage row already loaded from line 2 of usage-a.csv",
                fileB + ":3 duplicate: every column equals the usage row already loaded from line 22 of usage-a.csv",
                fileB + ":6 duplicate: every column equals the usage row already loaded from line 5 of this file");
        List<UsageRows.Row> stored = UsageRows.all(jdbc);
        assertThat(stored).hasSize(26);
        assertThat(stored).extracting(UsageRows.Row::packNo).isSorted();
        assertThat(stored.get(25).fileId()).isEqualTo(fileB);
        assertThat(stored.get(25).unitPrice()).isEqualTo(new BigDecimal("0.1000000000"));
        assertThat(jdbc.queryForObject("SELECT SUM(row_count) FROM usage_customer_day", Long.class)).isEqualTo(26);
    }

    @Test
    void anIdenticalFileImportedAgainLoadsNothingAndRejectsNothingNew() {
        List<ParsedItem<UsageRow>> rows = new ArrayList<>(vmDay(fileA, 2, "vm1"));
        rows.add(row(fileA, 26, "vm1", 3, "1", "0.096")); // a duplicate within the file
        UsageImportWriter first = new UsageImportWriter(jdbc, store, JOB, 100);
        write(first, rows.subList(0, 13));
        write(first, rows.subList(13, 25));
        assertThat(rejects()).containsExactly(
                fileA + ":26 duplicate: every column equals the usage row already loaded from line 5 of this file");
        String packs = jdbc.queryForList("SELECT CONCAT(pack_no, ':', entries) FROM usage_pack ORDER BY pack_no",
                String.class).toString();

        jdbc.update("DELETE FROM rejected_row");
        UsageImportWriter again = new UsageImportWriter(jdbc, store, JOB, 100);
        write(again, rows.subList(0, 20));
        write(again, rows.subList(20, 25));
        assertThat(stats(fileA)).containsEntry("rows_read", 50L).containsEntry("rows_loaded", 24L)
                .containsEntry("rows_duplicate", 26L);
        // Line 26 repeats line 5, not itself: its rejects entry comes again; the 24 rows at their own line do not.
        assertThat(rejects()).containsExactly(
                fileA + ":26 duplicate: every column equals the usage row already loaded from line 5 of this file");
        assertThat(jdbc.queryForList("SELECT CONCAT(pack_no, ':', entries) FROM usage_pack ORDER BY pack_no",
                String.class).toString()).isEqualTo(packs);
        assertThat(jdbc.queryForObject("SELECT SUM(row_count) FROM usage_file_day", Long.class)).isEqualTo(24);
    }

    @Test
    void aFullLastPackSpillsIntoTheNextPackNumber() {
        UsageImportWriter writer = new UsageImportWriter(jdbc, store, JOB, 40);
        List<ParsedItem<UsageRow>> day = vmDay(fileA, 2, "vm1");
        for (ParsedItem<UsageRow> r : day) {
            write(writer, List.of(r)); // one row a chunk: every append after the first goes to the stored last pack
        }
        List<Map<String, Object>> packs = jdbc.queryForList("SELECT pack_no, entry_count, entries FROM usage_pack "
                + "ORDER BY pack_no");
        assertThat(packs.size()).isGreaterThan(5);
        for (int i = 0; i < packs.size(); i++) {
            assertThat(((Number) packs.get(i).get("pack_no")).intValue()).isEqualTo(i);
            assertThat((String) packs.get(i).get("entries")).hasSizeLessThanOrEqualTo(40);
        }
        assertThat(UsageRows.all(jdbc)).extracting(UsageRows.Row::lineNumber)
                .containsExactlyElementsOf(day.stream().map(p -> p.item().record().lineNumber()).toList());
    }

    @Test
    void manyNewLinesOfOneChunkGetTheirOwnIdsThroughMultiRowInserts() {
        // 64 + 64 + 16 + 4 + 1 + 1: 150 new lines and their packs go in statements of every group size.
        List<ParsedItem<UsageRow>> rows = new ArrayList<>();
        for (int vm = 0; vm < 150; vm++) {
            rows.add(row(fileA, 2 + vm, "vm" + vm, vm % 24, String.valueOf(1 + vm % 3), "0.0" + (10 + vm)));
        }
        write(writer(), rows);
        List<Map<String, Object>> stored = jdbc.queryForList("SELECT l.id, l.resource_uri, l.line_hash_hi, "
                + "l.line_hash_lo, p.entries FROM usage_line l JOIN usage_pack p ON p.line_id = l.id ORDER BY l.id");
        assertThat(stored).hasSize(150);
        for (int vm = 0; vm < 150; vm++) {
            Map<String, Object> line = stored.get(vm);
            UsageRow expected = rows.get(vm).value();
            // Lines are created in the chunk's order, each pack on its own line's id, with that row's entry.
            assertThat(line.get("resource_uri")).isEqualTo(expected.resourceUri());
            assertThat(((Number) line.get("line_hash_hi")).longValue()).isEqualTo(expected.lineHash().hi());
            assertThat(((Number) line.get("line_hash_lo")).longValue()).isEqualTo(expected.lineHash().lo());
            assertThat((String) line.get("entries")).isEqualTo(
                    (vm % 24) + ",1," + (1 + vm % 3) + "," + UsageEntries.plain(UsageEntries.stored(expected.unitPrice())) + ","
                            + fileA + "," + (2 + vm));
        }
        assertThat(stats(fileA)).containsEntry("rows_loaded", 150L);
    }
}
