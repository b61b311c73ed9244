// AccessGuard::requireRole: the RBAC check every route runs (the "still active" half needs a
// database and is covered by tst_rbacapi and tst_authapi).

#include "backend/api/accessguard.h"

#include "backend/api/apierror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using flowviz::Role;
using flowviz::api::AccessGuard;
using flowviz::api::ApiError;

namespace {

flowviz::auth::Claims claims(Role role)
{
    flowviz::auth::Claims c;
    c.role = role;
    return c;
}

} // namespace

class TestAccessGuard : public QObject
{
    Q_OBJECT

private slots:
    void allowedRolesPass()
    {
        AccessGuard::requireRole(claims(Role::VIEWER), {});
        AccessGuard::requireRole(claims(Role::MANAGER), {Role::ADMIN, Role::MANAGER});
    }
    void otherRolesGet403()
    {
        try {
            AccessGuard::requireRole(claims(Role::VIEWER), {Role::ADMIN, Role::MANAGER});
            QFAIL("a VIEWER passed");
        } catch (const ApiError &e) {
            const auto r = e.response();
            QCOMPARE(r.status, 403);
            QCOMPARE(
                QJsonDocument::fromJson(r.body).object().value(QStringLiteral("detail")).toString(),
                QStringLiteral("Requires one of: ADMIN, MANAGER; you are VIEWER."));
            bool header = false;
            for (const auto &[name, value] : r.headers)
                header |= name == "X-Required-Roles" && value == "ADMIN, MANAGER";
            QVERIFY(header);
        }
    }
    void roleListJoinsNames()
    {
        QCOMPARE(flowviz::api::roleList({Role::ADMIN, Role::AUDITOR}),
                 QStringLiteral("ADMIN, AUDITOR"));
        QCOMPARE(flowviz::api::roleList({}), QString());
    }
};

QTEST_GUILESS_MAIN(TestAccessGuard)
#include "tst_accessguard.moc"
