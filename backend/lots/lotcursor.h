#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace flowviz::lots {

// The opaque next_cursor of GET /api/v1/lots: the keyset position (created_at, id) of the
// last lot of a page.
struct LotCursor
{
    QDateTime createdAt;
    QUuid id;

    QString encode() const;
    // False when `text` is not a cursor this server wrote.
    static bool decode(const QString &text, LotCursor &out);
};

} // namespace flowviz::lots
