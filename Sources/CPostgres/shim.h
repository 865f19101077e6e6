// libpq's header, for its types and constants (Debian: libpq-dev puts it in /usr/include/postgresql).
// Nothing of it is linked: AccordPostgres resolves every function with dlsym (LibPQ.swift).
#if __has_include(<postgresql/libpq-fe.h>)
#include <postgresql/libpq-fe.h>
#else
#include <libpq-fe.h>
#endif
#include <dlfcn.h>
