package dk.fsc.testing;

/** The demo data every integration test finds (profile {@code demo}). */
public final class Demo {

    /** Birthe Sørensen of Aarhus (751), the citizen of the demo user {@code citizen-aarhus}. */
    public static final String CITIZEN_AARHUS = "a0000000-0000-4000-8000-000000000751";
    /** Poul Rasmussen of Randers (730), the citizen of the demo user {@code citizen-randers}. */
    public static final String CITIZEN_RANDERS = "a0000000-0000-4000-8000-000000000730";

    private Demo() {
    }
}
