#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro over a cast that Swift cannot import.
static const sqlite3_destructor_type CSQLITE_TRANSIENT = (sqlite3_destructor_type)-1;

// sqlite3_db_config is variadic, which Swift cannot call: one of its on/off settings.
static inline int csqlite_db_config_flag(sqlite3 *db, int op, int on) {
  return sqlite3_db_config(db, op, on, (int *)0);
}
