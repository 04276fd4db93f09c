package dev.ribilling.testing;

/** The embedded database every H2 job test shares, so that Spring caches one application context for them all. */
public final class H2Database {

    public static final String URL = "spring.datasource.url=jdbc:h2:mem:ri-billing-tests;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private H2Database() {
    }
}
