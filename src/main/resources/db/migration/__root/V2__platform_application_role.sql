-- The application connects as its own role, ${appRole}, with data rights only; the migrations run
-- as the role that owns the schemas (dk.fsc.shared.database.MigrationRoles). So the application
-- cannot alter a table, drop a trigger (the audit log's) or grant itself rights.

-- Schemas, tables and sequences the owner creates from now on (every module's migrations):
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO ${appRole};
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appRole};
ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO ${appRole};

-- What a database migrated before this migration already holds.
DO
$$
    DECLARE
        schema_name TEXT;
    BEGIN
        FOR schema_name IN
            SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'
            LOOP
                EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${appRole}', schema_name);
                EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO ${appRole}',
                               schema_name);
                EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO ${appRole}', schema_name);
            END LOOP;
    END
$$;
