package dev.ribilling.ingest;

/**
 * A check of a reservation row about to be loaded for the first time, supplied by a later capability (the invoice
 * rules validate exchanges: the contract rejects an exchange below the returned reservation's remaining
 * commitment at import). Throws {@link RowRejectedException} to reject the row.
 */
public interface NewReservationCheck {

    void check(ReservationRow row);
}
