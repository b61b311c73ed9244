#pragma once

#include "tests/support/testdb.h"

#include <QProcess>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace flowviz::test {

// A real flowviz-server process for one test program: its own database on the fixture's
// PostgreSQL (reached directly or through PgBouncer, as FLOWVIZ_TEST_VIA says), a free port,
// and one user per role created through `flowviz-server user add`.
class TestServer
{
public:
    static constexpr const char *kJwtSecret = "test-secret-0123456789abcdef-0123456789";

    // `name` names the database; `extraArgs` go to the server (e.g. "--rate-limits", "off").
    explicit TestServer(const QString &name, const QStringList &extraArgs = {});
    ~TestServer();

    // Starts the server and waits until /ready answers 200. Returns false on failure.
    bool start();
    void stop();      // SIGTERM, then wait
    void terminate(); // SIGTERM, without waiting
    void kill();      // SIGKILL
    bool isRunning() const;
    // Once the process has ended: its exit code, or -1 when a signal ended it (a crash, or kill).
    int exitCode() const;
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

    QUrl baseUrl() const;
    quint16 port() const { return m_port; }
    TestDb &db() { return *m_db; }
    QString databaseUrl() const;
    QString serverOutput() const; // the last part of the server's log
    QString logPath() const;

    // Runs `flowviz-server ARGS` against this server's database; returns the exit code.
    int runCommand(const QStringList &args, const QByteArray &stdinData = {},
                   QString *output = nullptr);
    // Users created by start(): "admin", "manager", "auditor", "operator", "viewer", each with
    // password "<name>-password-1".
    static QString passwordOf(const QString &username);
    static QString serverBinary();

private:
    QString m_name;
    QStringList m_extraArgs;
    std::unique_ptr<TestDb> m_db;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    bool m_usersCreated = false;
};

} // namespace flowviz::test
