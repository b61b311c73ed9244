#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

struct pg_conn;

namespace flowviz::test {

// A scratch database for one test program, created on the fixture's PostgreSQL and dropped
// at the end; plus direct SQL for checking what the server stored.
class TestDb
{
public:
    // Creates database `name` (dropping a leftover of the same name first).
    explicit TestDb(const QString &name);
    ~TestDb();
    TestDb(const TestDb &) = delete;
    TestDb &operator=(const TestDb &) = delete;

    const QString &name() const { return m_name; }
    // Rows of text values (NULL as a null QString). Fails the test on an SQL error.
    QList<QStringList> query(const QString &sql, const QStringList &params = {});
    QString scalar(const QString &sql, const QStringList &params = {});
    void exec(const QString &sql);
    // Another connection to the same database, which it leaves in place: for a transaction
    // held open while the server works.
    std::unique_ptr<TestDb> secondConnection() const;

private:
    struct Borrowed
    {
    };
    TestDb(const QString &name, Borrowed);

    pg_conn *connect(const QString &database);

    QString m_name;
    pg_conn *m_conn = nullptr;
    bool m_owner = true; // drops the database when done
};

} // namespace flowviz::test
