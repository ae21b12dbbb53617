-- airesilience 0.1.0 -> 0.2.0.
--
-- Carries every change the 0.2.0 install script makes, so that a database
-- on 0.1.0 reaches by ALTER EXTENSION airesilience UPDATE the state of a
-- fresh 0.2.0 install loaded the same way (test/upgrade/ checks it).  User
-- rows and snapshots are never touched; snapshots keep the model version
-- they were taken under.

\echo Use "ALTER EXTENSION airesilience UPDATE TO '0.2.0'" to load this file. \quit
