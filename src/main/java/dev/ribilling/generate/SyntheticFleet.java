package dev.ribilling.generate;

import java.util.List;

/** Everything about the partner's customers that does not depend on the usage days: built once per run. */
record SyntheticFleet(List<SyntheticCustomer> customers, List<SyntheticVm> vms,
        List<SyntheticReservation> reservations) {
}
