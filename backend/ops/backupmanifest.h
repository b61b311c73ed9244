#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace flowviz::ops {

// manifest.json beside flowviz.dump: what a backup holds and how to check it.
struct BackupManifest
{
    static constexpr int kFormatVersion = 1;
    static constexpr const char *kFileName = "manifest.json";
    static constexpr const char *kDumpFileName = "flowviz.dump";

    int formatVersion = kFormatVersion;
    QString serverVersion;   // flowviz-server that wrote it
    int schemaVersion = 0;   // highest applied migration in the dumped database
    QDateTime createdAt;     // UTC, when the snapshot was taken
    QString database;        // database name
    QString postgresVersion; // server_version of the dumped PostgreSQL
    QString pgDumpVersion;   // e.g. "15.4"
    QString dumpFile = QString::fromLatin1(kDumpFileName);
    qint64 dumpBytes = 0;
    QByteArray dumpSha256; // hex
    // Every table of the public schema with its row count in the dump's snapshot, by name.
    QList<QPair<QString, qint64>> tables;

    QByteArray toJson() const;
    // Null-equivalent (formatVersion 0) with a reason in `error` when the text is no manifest
    // this binary understands.
    static BackupManifest fromJson(const QByteArray &json, QString *error);
    qint64 rowCount(const QString &table) const; // -1 when absent
};

} // namespace flowviz::ops
