/*
 * ubsan_options.c
 *		UBSan's options for the sanitized build of make test-memcheck, linked
 *		into the module only when COPT has -fsanitize=undefined (Makefile).
 *
 * The runtime reads UBSAN_OPTIONS from /proc/self/environ when it first
 * reports, and by then a backend has written its process title over that
 * memory, so the variable never reaches it.  It asks this function instead.
 *
 * print_stacktrace: where in the module the error happened.
 * abort_on_error: the postmaster reports the abort as a crash, with the
 * query that caused it (UBSan would exit with status 1, which a backend's
 * FATAL error does too).  halt_on_error: stop at the first error, also for
 * checks the build would let recover.
 */
const char *__ubsan_default_options(void);

const char *
__ubsan_default_options(void)
{
	return "print_stacktrace=1:halt_on_error=1:abort_on_error=1";
}
