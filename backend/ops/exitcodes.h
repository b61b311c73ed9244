#pragma once

// Exit codes of the flowviz-server commands, so that scripts and systemd can tell the causes
// apart (e.g. RestartPreventExitStatus=4: restarting does not help against a newer schema).
namespace flowviz::ops::exitcode {

constexpr int kOk = 0;
constexpr int kFailure = 1;             // anything else, said on stderr
constexpr int kUsage = 2;               // wrong arguments
constexpr int kDatabaseUnreachable = 3; // could not connect within the wait
constexpr int kSchemaTooNew = 4;        // database or backup newer than this binary
constexpr int kTargetNotEmpty = 5;      // restore target holds data and no --replace
constexpr int kBackupDamaged = 6;       // manifest unreadable or dump does not match it
constexpr int kConfiguration = 7;       // settings missing or invalid: fix the file first

} // namespace flowviz::ops::exitcode
