-- A municipality's own finance staff, who see their municipality's invoices only.
ALTER TABLE identity.user_role DROP CONSTRAINT user_role_role_check;
ALTER TABLE identity.user_role ADD CONSTRAINT user_role_role_check
    CHECK (role IN ('FSC_ADMIN', 'FSC_AGENT', 'WAREHOUSE', 'TECHNICIAN', 'FINANCE', 'MUNICIPAL_CASEWORKER',
                    'MUNICIPAL_HOMECARE', 'MUNICIPAL_FINANCE', 'NURSE', 'REGION_ANALYST', 'CITIZEN'));
