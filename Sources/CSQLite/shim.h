#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro over a cast that Swift cannot import.
static const sqlite3_destructor_type CSQLITE_TRANSIENT = (sqlite3_destructor_type)-1;
