-- pg_temp.error_detail(statement): the detail line of the error statement
-- raises, NULL when it raises none (pgTAP's throws_ok checks only the
-- SQLSTATE and the message).  Included with \ir by the pgTAP files.
CREATE FUNCTION pg_temp.error_detail(statement text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    detail text;
BEGIN
    EXECUTE statement;
    RETURN NULL;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
    RETURN detail;
END
$$;
