#include "backend/ops/databasecatalog.h"

#include <QTextStream>

namespace flowviz::ops {

namespace {

// Everything FlowViz keeps in the public schema (tables, views, sequences, functions, types),
// dropped inside the restore's transaction; extension members are left alone.
constexpr const char *kDropPublicObjects = R"SQL(
DO $flowviz_drop$
DECLARE
    o record;
BEGIN
    FOR o IN
        SELECT format('DROP %s IF EXISTS %I.%I CASCADE',
                      CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                     WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE'
                                     ELSE 'TABLE' END,
                      n.nspname, c.relname) AS stmt
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
           AND NOT EXISTS (SELECT 1 FROM pg_depend d
                            WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                              AND d.deptype = 'e')
         ORDER BY c.relkind = 'S'
    LOOP
        EXECUTE o.stmt;
    END LOOP;
    FOR o IN
        SELECT format('DROP ROUTINE IF EXISTS %s CASCADE', p.oid::regprocedure) AS stmt
          FROM pg_proc p
         WHERE p.pronamespace = 'public'::regnamespace
           AND NOT EXISTS (SELECT 1 FROM pg_depend d
                            WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                              AND d.deptype = 'e')
    LOOP
        EXECUTE o.stmt;
    END LOOP;
    FOR o IN
        SELECT format('DROP TYPE IF EXISTS %s CASCADE', t.oid::regtype) AS stmt
          FROM pg_type t
         WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'r', 'm')
           AND NOT EXISTS (SELECT 1 FROM pg_depend d
                            WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid
                              AND d.deptype = 'e')
    LOOP
        EXECUTE o.stmt;
    END LOOP;
END
$flowviz_drop$;
)SQL";

// A DO block that raises (and so rolls the whole restore back) unless the public schema holds
// exactly the manifest's tables with exactly its row counts and schema version.
QByteArray verificationSql(const BackupManifest &m)
{
    QByteArray sql = "DO $flowviz_verify$\nDECLARE\n    n bigint;\n    extra text;\nBEGIN\n";
    QByteArrayList names;
    for (const auto &[table, rows] : m.tables) {
        // Names were checked against ^[a-z_][a-z0-9_]*$ when the manifest was read.
        const QByteArray t = table.toUtf8();
        names << "'" + t + "'";
        sql += "    SELECT count(*) INTO n FROM public.\"" + t + "\";\n    IF n <> " +
               QByteArray::number(rows) + " THEN RAISE EXCEPTION 'table " + t +
               " holds % rows after the restore, the manifest says " + QByteArray::number(rows) +
               "', n; END IF;\n";
    }
    sql += "    SELECT string_agg(c.relname, ', ' ORDER BY c.relname) INTO extra FROM "
           "pg_catalog.pg_class c JOIN pg_catalog.pg_namespace s ON s.oid = c.relnamespace "
           "WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT IN (" +
           names.join(", ") +
           ");\n    IF extra IS NOT NULL THEN RAISE EXCEPTION 'tables not in the manifest: %', "
           "extra; END IF;\n";
    sql +=
        "    SELECT coalesce(max(version), 0) INTO n FROM public.schema_migrations;\n    IF n <> " +
        QByteArray::number(m.schemaVersion) +
        " THEN RAISE EXCEPTION 'the restored schema is at version %, the manifest says " +
        QByteArray::number(m.schemaVersion) + "', n; END IF;\nEND\n$flowviz_verify$;\n";
    return sql;
}

} // namespace

QString DatabaseCatalog::value(const char *sql)
{
    return m_conn.exec(QString::fromLatin1(sql)).text(0, 0);
}

QString DatabaseCatalog::exportSnapshot()
{
    m_conn.exec(QStringLiteral("SET statement_timeout = 0"));
    m_conn.exec(QStringLiteral("SET idle_in_transaction_session_timeout = 0"));
    m_conn.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    return value("SELECT pg_export_snapshot()");
}

QString DatabaseCatalog::serverVersion()
{
    return value("SELECT current_setting('server_version')");
}

QList<QPair<QString, qint64>> DatabaseCatalog::tableRowCounts()
{
    const db::PgResult tables = m_conn.exec(
        QStringLiteral("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
                       "c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') "
                       "ORDER BY c.relname"));
    QList<QPair<QString, qint64>> out;
    for (int i = 0; i < tables.rows(); ++i) {
        const QString name = tables.text(i, 0);
        const qint64 rows = m_conn
                                .exec(QStringLiteral("SELECT count(*) FROM public.%1")
                                          .arg(m_conn.quoteIdentifier(name)))
                                .text(0, 0)
                                .toLongLong();
        out.append({name, rows});
    }
    return out;
}

DatabaseContents DatabaseCatalog::contents()
{
    DatabaseContents t;
    t.objects = value("SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON "
                      "n.oid = c.relnamespace WHERE n.nspname = 'public' AND "
                      "c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')) + (SELECT count(*) "
                      "FROM pg_proc WHERE pronamespace = 'public'::regnamespace)")
                    .toLongLong();
    if (value("SELECT to_regclass('public.schema_migrations') IS NOT NULL") == u"t")
        t.schemaVersion =
            value("SELECT coalesce(max(version), 0) FROM public.schema_migrations").toInt();
    if (value("SELECT to_regclass('public.lots') IS NOT NULL") == u"t")
        t.lots = value("SELECT count(*) FROM public.lots").toLongLong();
    t.otherSessions = value("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                            "current_database() AND pid <> pg_backend_pid()")
                          .toInt();
    return t;
}

void DatabaseCatalog::analyze()
{
    try {
        m_conn.exec(QStringLiteral("SET statement_timeout = 0"));
        m_conn.exec(QStringLiteral("ANALYZE"));
    } catch (const std::exception &e) {
        QTextStream(stderr) << "flowviz-server: warning: ANALYZE after the restore failed: "
                            << e.what() << Qt::endl;
    }
}

namespace restorescript {

QByteArray prelude(bool replace)
{
    QByteArray sql =
        "SET client_min_messages = warning;\nBEGIN;\nSET LOCAL lock_timeout = '30s';\n";
    if (replace)
        sql += kDropPublicObjects;
    return sql;
}

QByteArray verifyAndCommit(const BackupManifest &manifest)
{
    return verificationSql(manifest) + "COMMIT;\n";
}

} // namespace restorescript

} // namespace flowviz::ops
