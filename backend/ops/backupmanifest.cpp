#include "backend/ops/backupmanifest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace flowviz::ops {

namespace {
constexpr const char *kFormat = "flowviz-backup";
}

QByteArray BackupManifest::toJson() const
{
    QJsonObject tableCounts;
    for (const auto &[name, rows] : tables)
        tableCounts.insert(name, rows);
    const QJsonObject dump{{QStringLiteral("file"), dumpFile},
                           {QStringLiteral("format"), QStringLiteral("pg_dump custom")},
                           {QStringLiteral("bytes"), dumpBytes},
                           {QStringLiteral("sha256"), QString::fromLatin1(dumpSha256)},
                           {QStringLiteral("pg_dump_version"), pgDumpVersion}};
    const QJsonObject root{
        {QStringLiteral("format"), QString::fromLatin1(kFormat)},
        {QStringLiteral("format_version"), formatVersion},
        {QStringLiteral("flowviz_server_version"), serverVersion},
        {QStringLiteral("schema_version"), schemaVersion},
        {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("database"), database},
        {QStringLiteral("postgresql_version"), postgresVersion},
        {QStringLiteral("dump"), dump},
        {QStringLiteral("tables"), tableCounts},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

BackupManifest BackupManifest::fromJson(const QByteArray &json, QString *error)
{
    BackupManifest m;
    m.formatVersion = 0;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject root = doc.object();
    if (doc.isNull() || root.value(QStringLiteral("format")).toString() != u"flowviz-backup") {
        *error = QStringLiteral("it is not a FlowViz backup manifest");
        return m;
    }
    const int format = root.value(QStringLiteral("format_version")).toInt();
    if (format < 1 || format > kFormatVersion) {
        *error = QStringLiteral("its format version %1 is not one this flowviz-server reads (%2); "
                                "use the flowviz-server that wrote it or a newer one")
                     .arg(format)
                     .arg(kFormatVersion);
        return m;
    }
    const QJsonObject dump = root.value(QStringLiteral("dump")).toObject();
    BackupManifest out;
    out.formatVersion = format;
    out.serverVersion = root.value(QStringLiteral("flowviz_server_version")).toString();
    out.schemaVersion = root.value(QStringLiteral("schema_version")).toInt(-1);
    out.createdAt = QDateTime::fromString(root.value(QStringLiteral("created_at")).toString(),
                                          Qt::ISODateWithMs);
    out.database = root.value(QStringLiteral("database")).toString();
    out.postgresVersion = root.value(QStringLiteral("postgresql_version")).toString();
    out.dumpFile = dump.value(QStringLiteral("file")).toString();
    out.dumpBytes = dump.value(QStringLiteral("bytes")).toInteger(-1);
    out.dumpSha256 = dump.value(QStringLiteral("sha256")).toString().toLatin1();
    out.pgDumpVersion = dump.value(QStringLiteral("pg_dump_version")).toString();
    // Table names become SQL identifiers when the restore is checked: accept only the plain
    // lower-case names FlowViz migrations create.
    static const QRegularExpression tableName(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    const QJsonObject tables = root.value(QStringLiteral("tables")).toObject();
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        const qint64 rows = it.value().toInteger(-1);
        if (!tableName.match(it.key()).hasMatch() || rows < 0) {
            *error = QStringLiteral("its entry for table \"%1\" is not valid").arg(it.key());
            return m;
        }
        out.tables.append({it.key(), rows});
    }
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{64}$"));
    if (out.schemaVersion < 1 || out.dumpBytes < 0 || out.dumpFile.isEmpty() ||
        out.dumpFile.contains(u'/') || out.dumpFile.startsWith(u'.') ||
        !sha.match(QString::fromLatin1(out.dumpSha256)).hasMatch() || out.tables.isEmpty() ||
        !out.createdAt.isValid()) {
        *error = QStringLiteral("it lacks the schema version, the dump's name, size or SHA-256, "
                                "the creation time or the table row counts");
        return m;
    }
    return out;
}

qint64 BackupManifest::rowCount(const QString &table) const
{
    for (const auto &[name, rows] : tables) {
        if (name == table)
            return rows;
    }
    return -1;
}

} // namespace flowviz::ops
