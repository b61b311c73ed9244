#pragma once

#include <QString>

// The console's local files (outbox, cache, lot codes, settings, signing keys, offline logins)
// hold operators' work and credentials: readable by the workstation account only. These helpers
// create them so from the first byte on and tighten what an older version left open.
namespace flowviz::app::privatefiles {

// Creates `dir` (and its parents) when missing; `dir` itself becomes 0700.
bool makePrivateDir(const QString &dir);
// Creates an empty `path` with mode 0600 when missing, else sets 0600 on it.
bool makePrivateFile(const QString &path);
// An SQLite database at `path`: the file is prepared 0600 before SQLite opens it (SQLite
// gives its -wal, -shm and -journal files the database's mode), and any of those already
// there are set to 0600.
bool prepareSqlite(const QString &path);
// Sets 0600 on `path` when it exists (a file someone else, such as QSettings, wrote).
bool restrict(const QString &path);

} // namespace flowviz::app::privatefiles
