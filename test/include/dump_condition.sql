-- pg_temp.dump_condition(r): which rows of the extension's table r pg_dump
-- writes out: the condition registered with pg_extension_config_dump ('' for
-- every row), or 'not dumped'.  Included with \ir by the pgTAP files.
CREATE FUNCTION pg_temp.dump_condition(r regclass) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(c.extcondition[array_position(c.extconfig, r)], 'not dumped')
      FROM pg_extension c
     WHERE c.extname = 'airesilience'
$$;
