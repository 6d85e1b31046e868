package dk.fsc.orders;

/** Where an order is delivered: the citizen's home, or the address the grant names. */
public record DeliveryAddress(String street, String postalCode, String city) {
}
