package dev.ribilling.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The import job: one chunk step per input kind, in the contract's load order, then the rejects files. The
 * three step-scoped components (reader, processor, writer) find their kind from the step's name, so each step
 * gets its own instances and its own restart state.
 */
@Configuration
public class ImportJobConfiguration {

    public static final String JOB_NAME = "importJob";

    /** Step name per kind; the steps run in the load order of {@link InputKind}. */
    static final Map<InputKind, String> STEP_NAMES = Map.of(
            InputKind.ISF, "importIsfStep",
            InputKind.PRICES, "importPricesStep",
            InputKind.FX_RATES, "importFxRatesStep",
            InputKind.CUSTOMERS, "importCustomersStep",
            InputKind.RESERVATIONS, "importReservationsStep",
            InputKind.USAGE, "importUsageStep",
            InputKind.PARTNER_INVOICE, "importPartnerInvoiceStep");

    static InputKind kindOfStep(String stepName) {
        return STEP_NAMES.entrySet().stream().filter(e -> e.getValue().equals(stepName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("not an import step: " + stepName)).getKey();
    }

    /** The job parameter 'inputs': absolute paths, one per line, as the import command resolved them. */
    public static List<InputFile> inputsOfKind(String inputs, InputKind kind) {
        if (inputs == null || inputs.isBlank()) {
            return List.of();
        }
        return Arrays.stream(inputs.split("\n")).filter(s -> !s.isBlank()).map(Path::of)
                .map(p -> new InputFile(p, InputKind.fromFileName(p.getFileName().toString()).orElse(null)))
                .filter(f -> f.kind() == kind).toList();
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public ImportStore importStore(JdbcTemplate jdbc) {
        return new ImportStore(jdbc);
    }

    @Bean
    public Job importJob(JobRepository jobRepository, ImportSteps importSteps) {
        return importSteps.appendTo(new JobBuilder(JOB_NAME, jobRepository).start(importSteps.first())).build();
    }

    /** The import steps in load order, ending with the rejects files; reused by the run job. */
    @Bean
    public ImportSteps importSteps(JobRepository jobRepository, PlatformTransactionManager tm,
            ImportFileReader importFileReader, ImportRowProcessor<Object> importRowProcessor,
            ParseAheadReader<Object> usageParseAheadReader, ImportRowWriter importRowWriter,
            @Value("${billing.import.chunk-size:2000}") int chunkSize, RejectsFileTasklet rejectsFileTasklet,
            dev.ribilling.batch.BulkStepWriteDelay writeDelay, dev.ribilling.batch.ProgressListener progress) {
        List<InputKind> order = List.of(InputKind.values());
        java.util.ArrayList<Step> steps = new java.util.ArrayList<>();
        for (InputKind kind : order) {
            if (kind == InputKind.USAGE) {
                // The big one: records are parsed on a second thread while the chunk before them is written.
                steps.add(new StepBuilder(STEP_NAMES.get(kind), jobRepository)
                        .<ParsedItem<Object>, ParsedItem<Object>>chunk(chunkSize).transactionManager(tm)
                        .reader(usageParseAheadReader).writer(importRowWriter)
                        .listener((org.springframework.batch.core.listener.StepListener) progress)
                        .listener(writeDelay).build());
                continue;
            }
            steps.add(new StepBuilder(STEP_NAMES.get(kind), jobRepository)
                    .<ImportItem, ParsedItem<Object>>chunk(Math.min(chunkSize, 500))
                    .transactionManager(tm).reader(importFileReader).processor(importRowProcessor)
                    .writer(importRowWriter).listener((org.springframework.batch.core.listener.StepListener) progress)
                    .build());
        }
        steps.add(new StepBuilder("writeRejectsFilesStep", jobRepository).tasklet(rejectsFileTasklet, tm).build());
        return new ImportSteps(List.copyOf(steps));
    }

    @Bean
    @StepScope
    public ImportFileReader importFileReader(@Value("#{stepExecution}") StepExecution stepExecution,
            @Value("#{jobParameters['inputs']}") String inputs, ImportStore store, Clock clock) {
        return newFileReader(stepExecution, inputs, store, clock);
    }

    private static ImportFileReader newFileReader(StepExecution stepExecution, String inputs, ImportStore store,
            Clock clock) {
        InputKind kind = kindOfStep(stepExecution.getStepName());
        return new ImportFileReader(stepExecution.getStepName(), inputsOfKind(inputs, kind), store,
                stepExecution.getJobExecution().getJobInstanceId(), clock);
    }

    /**
     * The usage step's reader: its own file reader and parser (not the step-scoped proxies, which only resolve on
     * the step's thread) on a parse-ahead thread.
     */
    @Bean
    @StepScope
    public ParseAheadReader<Object> usageParseAheadReader(@Value("#{stepExecution}") StepExecution stepExecution,
            @Value("#{jobParameters['inputs']}") String inputs, @Value("#{jobParameters['customer']}") String exportCustomer,
            @Value("${billing.import.chunk-size:2000}") int chunkSize, ImportStore store, Clock clock) {
        return new ParseAheadReader<>(stepExecution.getStepName(), newFileReader(stepExecution, inputs, store, clock),
                rowProcessor(InputKind.USAGE, exportCustomer), 2 * chunkSize);
    }

    @Bean
    @StepScope
    public ImportRowProcessor<Object> importRowProcessor(@Value("#{stepExecution}") StepExecution stepExecution,
            @Value("#{jobParameters['customer']}") String exportCustomer) {
        return rowProcessor(kindOfStep(stepExecution.getStepName()), exportCustomer);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ImportRowProcessor<Object> rowProcessor(InputKind kind, String exportCustomer) {
        return (ImportRowProcessor) switch (kind) {
            case ISF -> ImportRowProcessor.of(IsfRow::parse);
            case PRICES -> new ImportRowProcessor<PriceRow>((header, file) -> new ImportRowProcessor.RowParser<>() {
                @Override
                public PriceRow parse(FieldReader fields) {
                    return PriceRow.parse(fields);
                }

                @Override
                public String skipReason(FieldReader fields) {
                    return PriceRow.skipReason(fields);
                }
            });
            case FX_RATES -> ImportRowProcessor.of(FxRateRow::parse);
            case CUSTOMERS -> ImportRowProcessor.of(CustomerRow::parse);
            case RESERVATIONS -> ImportRowProcessor.of(ReservationRow::parse);
            case PARTNER_INVOICE -> ImportRowProcessor.of(PartnerInvoiceRow::parse);
            case USAGE -> new ImportRowProcessor<UsageRow>((header, file) -> {
                UsageRowParser parser = new UsageRowParser(header, exportCustomer);
                return new ImportRowProcessor.RowParser<>() {
                    @Override
                    public UsageRow parse(FieldReader fields) {
                        return parser.parse(fields);
                    }

                    @Override
                    public String skipReason(FieldReader fields) {
                        return parser.skipReason(fields);
                    }
                };
            });
        };
    }

    @Bean
    @StepScope
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ImportRowWriter importRowWriter(
            @Value("#{stepExecution}") StepExecution stepExecution, JdbcTemplate jdbc, ImportStore store, Clock clock,
            java.util.List<NewReservationCheck> reservationChecks) {
        InputKind kind = kindOfStep(stepExecution.getStepName());
        long jobInstanceId = stepExecution.getJobExecution().getJobInstanceId();
        return new ImportRowWriter(switch (kind) {
            case USAGE -> (org.springframework.batch.infrastructure.item.ItemWriter) new UsageImportWriter(jdbc, store, jobInstanceId);
            case ISF -> new KeyedImportWriter(new IsfTable(jdbc), store, jobInstanceId, clock);
            case PRICES -> new KeyedImportWriter(new PriceTable(jdbc), store, jobInstanceId, clock);
            case FX_RATES -> new KeyedImportWriter(new FxRateTable(jdbc), store, jobInstanceId, clock);
            case CUSTOMERS -> new KeyedImportWriter(new CustomerTable(jdbc), store, jobInstanceId, clock);
            case RESERVATIONS -> new KeyedImportWriter(new ReservationTable(jdbc, reservationChecks), store, jobInstanceId,
                    clock);
            case PARTNER_INVOICE -> new KeyedImportWriter(new PartnerInvoiceTable(jdbc), store, jobInstanceId, clock);
        });
    }
}
