package dev.ribilling.invoicing;

/** Reservation status as loaded; Exchanged means "returned in an exchange". */
public enum ReservationStatus {
    ACTIVE,
    CANCELLED,
    EXCHANGED
}
