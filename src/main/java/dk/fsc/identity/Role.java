package dk.fsc.identity;

/** The roles of the platform; see {@code docs/security.md} for what each may do. */
public enum Role {
    FSC_ADMIN,
    FSC_AGENT,
    WAREHOUSE,
    TECHNICIAN,
    FINANCE,
    MUNICIPAL_CASEWORKER,
    MUNICIPAL_HOMECARE,
    /** A municipality's finance staff: their municipality's invoices only. */
    MUNICIPAL_FINANCE,
    NURSE,
    REGION_ANALYST,
    CITIZEN
}
